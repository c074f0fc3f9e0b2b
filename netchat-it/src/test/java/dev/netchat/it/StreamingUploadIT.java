package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Uploads and downloads stream (issue 18): the server runs with a small heap (256 MiB) and a 250 MB file limit;
 * halfway through a 200 MB upload the server's live heap (after a forced GC, read with jcmd) has not grown by
 * anything near the bytes received, the upload succeeds, and the download returns every byte.
 */
@ExtendWith(ServerExtension.class)
class StreamingUploadIT {

    private static final long FILE_BYTES = 200L * 1000 * 1000;
    private static final long HALFWAY = FILE_BYTES / 2;

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);
    private final Files files = new Files(api);

    @BeforeAll
    static void restartWithASmallHeapAndALargeFileLimit() throws Exception {
        NetChatServer server = ServerExtension.server();
        server.restartWith(Map.of(
                "JAVA_OPTS",
                        "-Xms64m -Xmx256m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true "
                                + "-Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true",
                "NETCHAT_FILES_MAX_FILE_BYTES", "250000000",
                "NETCHAT_FILES_MAX_MESSAGE_BYTES", "250000000",
                "NETCHAT_HTTP_MAX_POST_SIZE", "300000000",
                "NETCHAT_HTTP_SERVER_MAX_POST_SIZE", "300000000",
                // The shared test server removes unposted uploads after 20 s; this slow upload must outlive that.
                "NETCHAT_FILES_UNATTACHED_TTL_SECONDS", "3600"));
    }

    @AfterAll
    static void restartAsBefore() throws Exception {
        NetChatServer server = ServerExtension.server();
        server.restartWith(Map.of());
    }

    @Test
    void a200MbUploadDoesNotGrowTheServersHeapInProportionAndDownloadsWhole() throws Exception {
        Api.Session alice = api.newUser("stream");
        String channel = chat.privateChannel(alice);
        long before = liveHeapKb();

        AtomicLong sent = new AtomicLong();
        CountDownLatch measured = new CountDownLatch(1);
        HttpRequest request = HttpRequest.newBuilder(
                        api.base().resolve("/api/files?channelId=" + channel + "&name=big.bin"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + alice.token())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(sent, measured)), FILE_BYTES))
                .build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> upload =
                files.client().sendAsync(request, HttpResponse.BodyHandlers.ofString());

        while (sent.get() < HALFWAY && !upload.isDone()) {
            Thread.sleep(50);
        }
        Thread.sleep(1500); // the server drains what sits in the socket buffers
        long halfway = liveHeapKb();
        measured.countDown();
        HttpResponse<String> r = upload.get(5, TimeUnit.MINUTES);
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode file = Api.JSON.readTree(r.body());
        assertThat(file.path("size").asLong()).isEqualTo(FILE_BYTES);
        long after = liveHeapKb();

        long growthKb = halfway - before;
        System.out.printf(
                "StreamingUploadIT [%s]: live heap before %d KiB, with 100 MB received %d KiB (growth %d KiB), "
                        + "after %d KiB; 200 MB upload took %.1f s%n",
                ServerExtension.server().database(), before, halfway, growthKb, after, uploadSeconds);
        // 100 MB received: growth must stay far below it (a buffered body would show ~100,000 KiB).
        assertThat(growthKb).as("live heap growth while 100 MB had arrived").isLessThan(48 * 1024);

        assertThat(chat.send(
                                alice,
                                channel,
                                Chat.message("big", Chat.clientMessageId())
                                        .set(
                                                "attachmentIds",
                                                Api.json()
                                                        .arrayNode()
                                                        .add(file.path("id").asText())))
                        .status())
                .isEqualTo(201);
        started = System.nanoTime();
        HttpResponse<InputStream> download = files.client()
                .send(
                        HttpRequest.newBuilder(
                                        api.base().resolve(file.path("url").asText()))
                                .header("Authorization", "Bearer " + alice.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        long mismatches = 0;
        long count = 0;
        try (InputStream in = download.body()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] != PatternStream.byteAt(count + i)) {
                        mismatches++;
                    }
                }
                count += n;
            }
        }
        System.out.printf(
                "StreamingUploadIT [%s]: 200 MB download took %.1f s%n",
                ServerExtension.server().database(), (System.nanoTime() - started) / 1e9);
        assertThat(count).isEqualTo(FILE_BYTES);
        assertThat(mismatches).isZero();
    }

    /** The server's live heap after a full GC, in KiB. */
    /**
     * H2 writes its store from the committing request thread, in pieces of tens of MB while files are uploaded, and
     * the JDK kept a native buffer of that size per thread: ten parallel uploads filled the native-memory limit and
     * H2 closed the database (docs/PERFORMANCE.md, "Files"). config/wildfly-jvm-options.sh makes the JDK free such
     * buffers after use; it must reach the server's JVM even when JAVA_OPTS is set, as this class sets it.
     */
    @Test
    void theServerFreesLargeNativeIoBuffersAfterUse() throws Exception {
        assertThat(ServerMemory.systemProperties(ServerExtension.server()))
                .as("the server JVM's system properties")
                .containsPattern("(?m)^jdk\\.nio\\.maxCachedBufferSize=262144$");
    }

    private static long liveHeapKb() throws Exception {
        return ServerMemory.heapUsedAfterFullGc(ServerExtension.server()) / 1024;
    }

    /** 200 MB of a known pattern, produced on the fly; it pauses halfway until the heap was measured. */
    private static final class PatternStream extends InputStream {
        private final AtomicLong position;
        private final CountDownLatch measured;

        PatternStream(AtomicLong position, CountDownLatch measured) {
            this.position = position;
            this.measured = measured;
        }

        static byte byteAt(long i) {
            return (byte) ((i * 31 + (i >>> 12)) & 0xff);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long at = position.get();
            if (at >= FILE_BYTES) {
                return -1;
            }
            if (at >= HALFWAY) {
                try {
                    measured.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = (int) Math.min(len, (at < HALFWAY ? HALFWAY : FILE_BYTES) - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = byteAt(at + i);
            }
            position.addAndGet(n);
            return n;
        }
    }
}
