package dev.netchat.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU seconds and resident memory of a process, read from {@code /proc} (Linux only). */
public final class ProcStats {

    /** One reading; negative values when the process could not be read. */
    public record Sample(double cpuSeconds, long rssKb, int threads) {}

    /** Clock ticks per second of /proc/PID/stat; 100 on every Linux this runs on (getconf CLK_TCK). */
    private static final double TICKS = 100.0;

    private ProcStats() {}

    public static Sample read(long pid) {
        if (pid <= 0) {
            return new Sample(-1, -1, -1);
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return new Sample(
                    cpuSeconds(stat), rssKb(Files.readString(Path.of("/proc/" + pid + "/status"))), threads(stat));
        } catch (IOException | RuntimeException e) {
            return new Sample(-1, -1, -1);
        }
    }

    /** Busy CPU seconds of the whole machine (all cores), from the first line of /proc/stat; -1 if unreadable. */
    public static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle and iowait are not busy
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    public static long self() {
        return ProcessHandle.current().pid();
    }

    /** utime + stime (fields 14 and 15 of /proc/PID/stat), in seconds. */
    static double cpuSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime is field 14 -> f[11], stime field 15 -> f[12].
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    static int threads(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(f[17]);
    }

    /** VmRSS of /proc/PID/status, in kB. */
    static long rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
