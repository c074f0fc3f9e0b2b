package dev.netchat.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    /** The server JVM's system properties, as jcmd VM.system_properties prints them ({@code name=value} lines). */
    static String systemProperties(NetChatServer server) throws Exception {
        return jcmd(Files.readString(server.pidFile()).strip(), "VM.system_properties");
    }

    /** Runs jcmd against the server, bounded: an attach that never answers fails the test instead of hanging it. */
    private static String jcmd(String pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path out = Files.createTempFile("netchat-jcmd", ".txt");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), pid, command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd " + command + " did not answer within 60 s");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
