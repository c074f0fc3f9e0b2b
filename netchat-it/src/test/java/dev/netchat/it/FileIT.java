package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files in conversations (issue 18): upload, attach, download by members only, limits answered early, types
 * sniffed from the bytes, HTML and SVG as downloads, thumbnails without EXIF, removal with the message and of
 * uploads never posted, and avatars.
 */
@ExtendWith(ServerExtension.class)
class FileIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);
    private final Files files = new Files(api);

    private record Room(Api.Session alice, Api.Session bob, String id) {}

    private Room room() {
        Api.Session alice = api.newUser("file");
        Api.Session bob = api.newUser("file");
        return new Room(alice, bob, chat.privateChannel(alice, bob));
    }

    private JsonNode uploaded(Api.Session who, String channelId, String name, byte[] bytes, String contentType) {
        Api.Reply r = files.upload(who, channelId, name, bytes, contentType);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private Api.Reply postWith(Api.Session who, String channelId, String text, String... fileIds) {
        ObjectNode body = Api.json().put("clientMessageId", Chat.clientMessageId());
        if (text != null) {
            body.put("text", text);
        }
        var ids = body.putArray("attachmentIds");
        for (String id : fileIds) {
            ids.add(id);
        }
        return chat.send(who, channelId, body);
    }

    @Test
    void aMemberDownloadsAFilePostedWithoutTextWithItsSniffedTypeAsADownload() {
        Room room = room();
        byte[] text = "Minutes of the meeting\nAll agreed.\n".getBytes(StandardCharsets.UTF_8);
        JsonNode file = uploaded(room.alice(), room.id(), "minutes.txt", text, "application/x-whatever");
        assertThat(file.path("mediaType").asText()).isEqualTo("text/plain");
        assertThat(file.path("size").asLong()).isEqualTo(text.length);
        assertThat(file.path("name").asText()).isEqualTo("minutes.txt");
        assertThat(file.path("thumbnailUrl").isNull()).isTrue();

        Api.Reply posted =
                postWith(room.alice(), room.id(), null, file.path("id").asText());
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().path("text").asText()).isEmpty();
        assertThat(posted.json().path("attachments").get(0).path("id").asText())
                .isEqualTo(file.path("id").asText());

        JsonNode seen =
                chat.find(room.bob(), room.id(), posted.json().path("id").asText());
        String url = seen.path("attachments").get(0).path("url").asText();
        Files.Bytes download = files.get(url, room.bob());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(text);
        assertThat(download.header("Content-Disposition"))
                .startsWith("attachment;")
                .contains("minutes.txt");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aNonMemberAStrangerWithTheLinkAndAnAnonymousCallerGetNothing() {
        Room room = room();
        JsonNode file = uploaded(room.alice(), room.id(), "plan.png", Files.png(64, 48), "image/png");
        String id = file.path("id").asText();
        // Not posted yet: only the uploader sees it, not even another member.
        assertThat(files.get("/api/files/" + id, room.bob()).status()).isEqualTo(404);
        assertThat(postWith(room.alice(), room.id(), "the plan", id).status()).isEqualTo(201);

        Api.Session stranger = api.newUser("file");
        for (String path :
                new String[] {"/api/files/" + id, "/api/files/" + id + "/thumbnail", "/api/files/" + id + "/preview"}) {
            assertThat(files.get(path, room.bob()).status()).as(path).isEqualTo(200);
            Files.Bytes refused = files.get(path, stranger);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(files.get(path, null).status()).as(path).isEqualTo(401);
        }
        // A stranger cannot attach the file to a channel of their own either.
        String own = chat.privateChannel(stranger);
        assertProblem(postWith(stranger, own, "mine now", id), 400);
    }

    @Test
    void anOversizeFileIsRefusedWith413BeforeItsBodyIsRead() throws Exception {
        Room room = room();
        // Only the head is sent, declaring one byte over the 25 MiB limit, and not a byte of the body follows
        // (the client even waits for "100 Continue"): only a refusal that never reads the body can answer.
        String head = "POST /api/files?channelId=" + room.id() + "&name=big.bin HTTP/1.1\r\n"
                + "Authorization: Bearer " + room.alice().token() + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + (25L * 1024 * 1024 + 1) + "\r\n"
                + "Expect: 100-continue";
        Instant start = Instant.now();
        String[] r = RawHttp.headOnly(api.base(), head, Duration.ofSeconds(15));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(r[0]).as(r[1]).isEqualTo("413");
        assertThat(r[1]).contains("application/problem+json").contains("\"status\":413");
    }

    /** The request head of an upload declaring {@code length} bytes, that waits for "100 Continue" before its body. */
    private String uploadHead(Api.Session who, String channelId, String name, long length) {
        return "POST /api/files?channelId=" + channelId + "&name=" + name + " HTTP/1.1\r\n"
                + "Authorization: Bearer " + who.token() + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + length + "\r\n"
                + "Expect: 100-continue";
    }

    /**
     * An upload left running: its head is sent and the server's "100 Continue" read, which the server sends only
     * when the upload has started reading its body (so it holds its slot); the body never follows.
     */
    private Socket runningUpload(Api.Session who, String channelId, String name) throws Exception {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", api.base().getPort()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write((uploadHead(who, channelId, name, 1024 * 1024) + "\r\nHost: "
                                    + api.base().getAuthority() + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder head = new StringBuilder();
            InputStream in = socket.getInputStream();
            while (head.indexOf("\r\n\r\n") < 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            assertThat(head.toString()).as("the answer to upload %s", name).startsWith("HTTP/1.1 100");
            return socket;
        } catch (Exception | AssertionError e) {
            socket.close();
            throw e;
        }
    }

    @Test
    void tenFilesUploadedAtOnceAreAllAccepted() {
        Room room = room();
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] bytes = ("file " + i + "\n").repeat(20_000).getBytes(StandardCharsets.UTF_8);
            uploads.add(files.client()
                    .sendAsync(
                            HttpRequest.newBuilder(api.base()
                                            .resolve("/api/files?channelId=" + room.id() + "&name=part-" + i + ".txt"))
                                    .timeout(Duration.ofSeconds(60))
                                    .header(
                                            "Authorization",
                                            "Bearer " + room.alice().token())
                                    .header("Content-Type", "text/plain")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> upload : uploads) {
            HttpResponse<String> r = upload.join();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
    }

    @Test
    void anEleventhUploadRunningAtOnceIsRefused429BeforeItsBodyIsReadWhileOthersAndLaterUploadsGoAhead()
            throws Exception {
        Room room = room();
        List<Socket> running = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                running.add(runningUpload(room.alice(), room.id(), "slow-" + i + ".bin"));
            }
            long rowsBefore = fileRowsOf(room.alice());

            // One more: answered at once from its head, without "100 Continue", so no byte of a body was read.
            String[] refused = RawHttp.headOnly(
                    api.base(),
                    uploadHead(room.alice(), room.id(), "one-more.bin", 1024 * 1024),
                    Duration.ofSeconds(5));
            assertThat(refused[0]).as(refused[1]).isEqualTo("429");
            assertThat(refused[1])
                    .doesNotContain("100 Continue")
                    .contains("application/problem+json")
                    .contains("\"status\":429")
                    .contains("10 uploads running");
            assertThat(refused[1].toLowerCase(java.util.Locale.ROOT)).contains("retry-after: 5");
            assertThat(fileRowsOf(room.alice()))
                    .as("files stored for the refused upload")
                    .isEqualTo(rowsBefore);

            // The limit is the user's: Bob, in the same channel, uploads meanwhile.
            assertThat(files.upload(
                                    room.bob(),
                                    room.id(),
                                    "bob.txt",
                                    "mine".getBytes(StandardCharsets.UTF_8),
                                    "text/plain")
                            .status())
                    .isEqualTo(201);
        } finally {
            for (Socket socket : running) {
                socket.close();
            }
        }
        // Once Alice's uploads have ended (their client went away), she uploads again.
        Instant deadline = Instant.now().plusSeconds(20);
        Api.Reply again;
        do {
            again = files.upload(
                    room.alice(), room.id(), "later.txt", "later".getBytes(StandardCharsets.UTF_8), "text/plain");
            if (again.status() == 429) {
                Thread.sleep(200);
            }
        } while (again.status() == 429 && Instant.now().isBefore(deadline));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void aFileLargerThanTheLimitWithoutADeclaredLengthIsCutOffWith413() {
        Room room = room();
        HttpRequest request = HttpRequest.newBuilder(
                        api.base().resolve("/api/files?channelId=" + room.id() + "&name=big.bin"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + room.alice().token())
                .header("Content-Type", "application/octet-stream")
                // No length: sent chunked, so only counting the bytes can stop it.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private long left = 26L * 1024 * 1024;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(len, left);
                        java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                        left -= n;
                        return n;
                    }
                }))
                .build();
        try {
            HttpResponse<String> r = files.client().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        } catch (java.io.IOException e) {
            // The server may close the connection after answering while the client still sends.
            assertThat(e.toString()).isNotBlank();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void htmlNamedLikeAnImageAndSvgAreServedAsDownloadsOnly() {
        Room room = room();
        byte[] html =
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        JsonNode fake = uploaded(room.alice(), room.id(), "cat.png", html, "image/png");
        assertThat(fake.path("mediaType").asText()).isEqualTo("text/html");
        assertThat(fake.path("thumbnailUrl").isNull()).isTrue();
        byte[] svg =
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"4\"/></svg>"
                        .getBytes(StandardCharsets.UTF_8);
        JsonNode drawing = uploaded(room.alice(), room.id(), "drawing.svg", svg, "image/svg+xml");
        assertThat(drawing.path("mediaType").asText()).isEqualTo("image/svg+xml");
        postWith(
                room.alice(),
                room.id(),
                "look",
                fake.path("id").asText(),
                drawing.path("id").asText());

        for (JsonNode f : new JsonNode[] {fake, drawing}) {
            Files.Bytes d = files.get(f.path("url").asText(), room.bob());
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.header("Content-Disposition")).startsWith("attachment;");
            assertThat(d.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(d.headers().allValues("Content-Security-Policy"))
                    .anySatisfy(csp -> assertThat(csp).contains("sandbox"));
            assertThat(files.get(f.path("url").asText() + "/thumbnail", room.bob())
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void imagesGetThumbnailAndPreviewReencodedWithoutExifAndWithTheirSize() {
        Room room = room();
        byte[] photo = Files.jpegWithExif(2000, 1000, "GPSLatitude-51.5N-SECRET");
        JsonNode file = uploaded(room.alice(), room.id(), "holiday.jpg", photo, "application/octet-stream");
        assertThat(file.path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(file.path("width").asInt()).isEqualTo(2000);
        assertThat(file.path("height").asInt()).isEqualTo(1000);
        postWith(room.alice(), room.id(), "holiday", file.path("id").asText());

        Files.Bytes original = files.get(file.path("url").asText(), room.bob());
        assertThat(original.header("Content-Disposition")).startsWith("inline;");
        assertThat(Files.contains(original.body(), "SECRET"))
                .as("the test image carries the marker")
                .isTrue();
        Files.Bytes thumb = files.get(file.path("thumbnailUrl").asText(), room.bob());
        Files.Bytes preview = files.get(file.path("previewUrl").asText(), room.bob());
        for (Files.Bytes variant : new Files.Bytes[] {thumb, preview}) {
            assertThat(variant.status()).isEqualTo(200);
            assertThat(variant.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(Files.contains(variant.body(), "SECRET")).isFalse();
            assertThat(Files.contains(variant.body(), "Exif")).isFalse();
        }
        BufferedImage t = Files.decode(thumb.body());
        assertThat(t.getWidth()).isEqualTo(480);
        assertThat(t.getHeight()).isEqualTo(240);
        BufferedImage p = Files.decode(preview.body());
        assertThat(p.getWidth()).isEqualTo(1600);
    }

    @Test
    void threadRepliesCarryFilesAndOnlyYourOwnUnpostedUploadsToThisChannelAttach() {
        Room room = room();
        JsonNode parent = chat.post(room.alice(), room.id(), "thread");
        JsonNode file =
                uploaded(room.bob(), room.id(), "notes.txt", "notes".getBytes(StandardCharsets.UTF_8), "text/plain");
        // Alice cannot post Bob's upload.
        assertProblem(postWith(room.alice(), room.id(), "steal", file.path("id").asText()), 400);
        ObjectNode reply = Chat.message("", Chat.clientMessageId())
                .put("parentId", parent.path("id").asText());
        reply.putArray("attachmentIds").add(file.path("id").asText());
        Api.Reply r = chat.send(room.bob(), room.id(), reply);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("attachments")).hasSize(1);
        // Posted once: it cannot be attached a second time.
        assertProblem(postWith(room.bob(), room.id(), "again", file.path("id").asText()), 400);
        // A message with neither text nor files is still refused.
        assertProblem(postWith(room.bob(), room.id(), null), 400);
    }

    @Test
    void theFilesOfADeletedMessageAreRemovedFromStorage() throws Exception {
        Room room = room();
        JsonNode file = uploaded(room.alice(), room.id(), "photo.png", Files.png(300, 200), "image/png");
        String id = file.path("id").asText();
        // Twelve pieces of 256 KiB: removed in several short batches, not one large transaction.
        byte[] large = new byte[3 * 1024 * 1024];
        new java.util.Random(18).nextBytes(large);
        String largeId = uploaded(room.alice(), room.id(), "archive.bin", large, "application/octet-stream")
                .path("id")
                .asText();
        Api.Reply posted = postWith(room.alice(), room.id(), "soon gone", id, largeId);
        assertThat(files.get("/api/files/" + id, room.bob()).status()).isEqualTo(200);
        assertThat(storedPieces(id)).isNotEqualTo(0);
        assertThat(storedPieces(largeId)).isIn(12L, -1L);

        assertThat(api.delete("/api/messages/" + posted.json().path("id").asText(), room.alice())
                        .status())
                .isEqualTo(204);

        assertThat(files.get("/api/files/" + id, room.bob()).status()).isEqualTo(404);
        assertThat(files.get("/api/files/" + id, room.alice()).status()).isEqualTo(404);
        assertThat(files.get("/api/files/" + id + "/thumbnail", room.alice()).status())
                .isEqualTo(404);
        assertThat(chat.find(room.bob(), room.id(), posted.json().path("id").asText())
                        .path("attachments"))
                .isEmpty();
        // The bytes go right after the delete commits, off the request's thread, a few pieces at a time.
        Instant deadline = Instant.now().plusSeconds(30);
        while (storedPieces(id) + storedPieces(largeId) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(storedPieces(id)).isIn(0L, -1L);
        assertThat(storedPieces(largeId)).isIn(0L, -1L);
        assertThat(files.get("/api/files/" + largeId, room.alice()).status()).isEqualTo(404);
    }

    @Test
    void uploadsNeverPostedAreRemovedAfterAWhile() throws Exception {
        Room room = room();
        JsonNode file = uploaded(
                room.alice(), room.id(), "draft.txt", "never sent".getBytes(StandardCharsets.UTF_8), "text/plain");
        String id = file.path("id").asText();
        assertThat(files.get("/api/files/" + id, room.alice()).status()).isEqualTo(200);
        // The test server removes unposted uploads after 20 s, checking every 2 s.
        Instant deadline = Instant.now().plusSeconds(60);
        while (files.get("/api/files/" + id, room.alice()).status() == 200
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        assertThat(files.get("/api/files/" + id, room.alice()).status()).isEqualTo(404);
        assertThat(storedPieces(id)).isIn(0L, -1L);
        assertProblem(postWith(room.alice(), room.id(), "too late", id), 400);
    }

    @Test
    void anAvatarIsCroppedSquareServedInItsSizesWithLongCachingAndANewUrlOnChange() {
        Api.Session carol = api.newUser("avatar");
        Api.Reply first = files.uploadAvatar(carol, Files.png(300, 200));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String url = first.json().path("avatarURL").asText();
        assertThat(url).startsWith("/api/avatars/");
        for (int size : new int[] {64, 128, 256}) {
            Files.Bytes image = files.get(url + "?size=" + size, carol);
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(image.header("Cache-Control"))
                    .contains("max-age=31536000")
                    .contains("immutable");
            BufferedImage decoded = Files.decode(image.body());
            assertThat(decoded.getWidth()).isEqualTo(size);
            assertThat(decoded.getHeight()).isEqualTo(size);
        }
        // Others see it on the messages of the user.
        String channel = chat.privateChannel(carol);
        assertThat(chat.post(carol, channel, "hi")
                        .path("user")
                        .path("avatarURL")
                        .asText())
                .isEqualTo(url);

        Api.Reply second = files.uploadAvatar(carol, Files.png(100, 100));
        String changed = second.json().path("avatarURL").asText();
        assertThat(changed).isNotEqualTo(url).startsWith("/api/avatars/");
        assertThat(files.get(url, carol).status()).isEqualTo(404);
        assertProblem(files.uploadAvatar(carol, "not a picture".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(files.get(changed, null).status()).isEqualTo(401);
    }

    /** Rows of files uploaded by the user, finished or not (PostgreSQL only; -1 on H2, whose file the server holds). */
    private long fileRowsOf(Api.Session who) throws Exception {
        if (!ServerExtension.server().onPostgresql()) {
            return -1;
        }
        String url = System.getProperty("netchat.it.pg.url") + NetChatServer.PG_DATABASE;
        try (Connection c = DriverManager.getConnection(
                        url, System.getProperty("netchat.it.pg.user"), System.getProperty("netchat.it.pg.password"));
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM files WHERE uploader_id = ?")) {
            s.setString(1, who.userId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Rows of file_chunks for a file and its variants (PostgreSQL only; -1 on H2, whose file the server holds). */
    private long storedPieces(String fileId) throws Exception {
        NetChatServer server = ServerExtension.server();
        if (!server.onPostgresql()) {
            return -1;
        }
        String url = System.getProperty("netchat.it.pg.url") + NetChatServer.PG_DATABASE;
        try (Connection c = DriverManager.getConnection(
                        url, System.getProperty("netchat.it.pg.user"), System.getProperty("netchat.it.pg.password"));
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM file_chunks WHERE blob_id LIKE ?")) {
            s.setString(1, fileId + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
