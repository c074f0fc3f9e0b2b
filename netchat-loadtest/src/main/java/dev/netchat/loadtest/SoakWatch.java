package dev.netchat.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a soak run watches on the server process, sampled now and then: heap in use after a full GC (jcmd),
 * threads, open file descriptors and connections to the database port, all from /proc (Linux only). A leak shows
 * as a rising line; the report gives the first and last sample and the largest rise of each.
 */
final class SoakWatch {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final int databasePort;
    private final long startNanos = System.nanoTime();
    private final List<Map<String, Object>> samples = new ArrayList<>();

    SoakWatch(long pid, int databasePort) {
        this.pid = pid;
        this.databasePort = databasePort;
    }

    synchronized void sample(int openChurnSockets) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("t", Math.round((System.nanoTime() - startNanos) / 1e9));
        row.put("heapAfterFullGcMb", heapAfterFullGcMb());
        ProcStats.Sample p = ProcStats.read(pid);
        row.put("rssMb", p.rssKb() < 0 ? -1 : p.rssKb() / 1024);
        row.put("threads", p.threads());
        row.put("fileDescriptors", fileDescriptors());
        row.put("databaseConnections", databaseConnections());
        row.put("churnSocketsOpen", openChurnSockets);
        samples.add(row);
        NetChatTarget.log("soak " + row);
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samples", List.copyOf(samples));
        if (samples.size() >= 2) {
            Map<String, Object> first = samples.get(0);
            Map<String, Object> last = samples.get(samples.size() - 1);
            Map<String, Object> drift = new LinkedHashMap<>();
            for (String key : List.of("heapAfterFullGcMb", "threads", "fileDescriptors", "databaseConnections")) {
                drift.put(key, ((Number) last.get(key)).longValue() - ((Number) first.get(key)).longValue());
            }
            m.put("driftFirstToLast", drift);
        }
        return m;
    }

    private long heapAfterFullGcMb() {
        if (pid <= 0) {
            return -1;
        }
        try {
            jcmd("GC.run");
            Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private long fileDescriptors() {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            long n = 0;
            for (Path ignored : fds) {
                n++;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** TCP connections of the process to the database port: its socket inodes matched against /proc/net/tcp(6). */
    private long databaseConnections() {
        try {
            Set<String> inodes = new HashSet<>();
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
                for (Path fd : fds) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            }
            String port = String.format(":%04X", databasePort);
            long n = 0;
            for (String table : List.of("/proc/" + pid + "/net/tcp", "/proc/" + pid + "/net/tcp6")) {
                Path file = Path.of(table);
                if (!Files.exists(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    // f[2] remote address:port, f[3] state (01 = established), f[9] inode
                    if (f.length > 9 && f[2].endsWith(port) && f[3].equals("01") && inodes.contains(f[9])) {
                        n++;
                    }
                }
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
