package dev.netchat.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test server's Java heap as jcmd reports it after a full collection: what the server really keeps. */
final class ServerMemory {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ServerMemory() {}

    /** Heap in use after a full GC, in bytes. */
    static long heapUsedAfterFullGc(NetChatServer server) throws Exception {
        String pid = Files.readString(server.pidFile()).strip();
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String jcmd(String pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
