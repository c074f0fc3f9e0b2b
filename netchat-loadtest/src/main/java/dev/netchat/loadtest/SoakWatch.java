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
 *
 * <p>Descriptors are split into sockets and everything else (files, pipes, event fds), and beside them stands the
 * number of connections this generator itself holds open to the server: the generator posts over one shared HTTP/1.1
 * client, which opens a connection per request in flight and keeps it for reuse, so when the machine slows the
 * server's socket count rises with the generator's connections. A leak in the server shows as sockets rising above
 * what the generator holds, or as other descriptors rising; a slower machine shows as both socket lines rising
 * together.
 */
final class SoakWatch {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final int databasePort;
    private final List<Integer> serverPorts;
    private final long startNanos = System.nanoTime();
    private final List<Map<String, Object>> samples = new ArrayList<>();

    SoakWatch(long pid, int databasePort, List<Integer> serverPorts) {
        this.pid = pid;
        this.databasePort = databasePort;
        this.serverPorts = List.copyOf(serverPorts);
    }

    synchronized void sample(int openChurnSockets) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("t", Math.round((System.nanoTime() - startNanos) / 1e9));
        row.put("heapAfterFullGcMb", heapAfterFullGcMb());
        ProcStats.Sample p = ProcStats.read(pid);
        row.put("rssMb", p.rssKb() < 0 ? -1 : p.rssKb() / 1024);
        row.put("threads", p.threads());
        Descriptors fds = descriptors(String.valueOf(pid));
        row.put("fileDescriptors", fds.all());
        row.put("socketDescriptors", fds.sockets().size());
        row.put(
                "otherDescriptors",
                fds.all() < 0 ? -1 : fds.all() - fds.sockets().size());
        row.put("databaseConnections", established(String.valueOf(pid), fds.sockets(), List.of(databasePort)));
        row.put(
                "generatorConnectionsToServer",
                established("self", descriptors("self").sockets(), serverPorts));
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
            for (String key : List.of(
                    "heapAfterFullGcMb",
                    "threads",
                    "fileDescriptors",
                    "socketDescriptors",
                    "otherDescriptors",
                    "databaseConnections",
                    "generatorConnectionsToServer")) {
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
        // On a loaded machine jcmd's attach can time out (its output is then an error, not the heap): try again.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                jcmd("GC.run");
                Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
                if (m.find()) {
                    return Long.parseLong(m.group(1)) / 1024;
                }
                Thread.sleep(500);
            } catch (IOException e) {
                // try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        // The attach waits up to 30 s (default 10 s), which a busy server's attach listener can need.
        Process p = new ProcessBuilder(
                        jcmd.toString(), "-J-Dsun.tools.attach.attachTimeout=30000", Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** A process's descriptors: how many, and the inodes of its sockets. */
    private record Descriptors(long all, Set<String> sockets) {}

    /** The descriptors of {@code process} (a pid, or "self" for this generator); all = -1 when unreadable. */
    private static Descriptors descriptors(String process) {
        Set<String> sockets = new HashSet<>();
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + process + "/fd"))) {
            for (Path fd : fds) {
                n++;
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
            return new Descriptors(n, sockets);
        } catch (IOException | RuntimeException e) {
            return new Descriptors(-1, sockets);
        }
    }

    /**
     * Established TCP connections of {@code process} to any of {@code remotePorts}: its socket inodes matched against
     * its /proc/net/tcp(6). -1 when unreadable.
     */
    private static long established(String process, Set<String> socketInodes, List<Integer> remotePorts) {
        try {
            List<String> ports =
                    remotePorts.stream().map(p -> String.format(":%04X", p)).toList();
            long n = 0;
            for (String table : List.of("/proc/" + process + "/net/tcp", "/proc/" + process + "/net/tcp6")) {
                Path file = Path.of(table);
                if (!Files.exists(file)) {
                    continue;
                }
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    // f[2] remote address:port, f[3] state (01 = established), f[9] inode
                    if (f.length > 9
                            && f[3].equals("01")
                            && socketInodes.contains(f[9])
                            && ports.stream().anyMatch(f[2]::endsWith)) {
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
