package dev.netchat.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NetChat through its public API: users signed up (or signed in) in parallel, rooms created by REST, messages
 * posted by REST, events received on /ws authenticated by the {@code netchat.v1, bearer.<token>} subprotocols.
 * Users, tokens and rooms are cached under {@code --cache} so that a second run does not pay bcrypt again.
 */
final class NetChatTarget implements ChatTarget {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String PING = "{\"type\":\"ping\"}";
    private static final ByteBuf PONG =
            Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer("{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8))
                    .asReadOnly());

    private final LoadConfig cfg;
    private final HttpClient http;
    private final Path cacheFile;
    private final Map<String, ObjectNode> cache = new ConcurrentHashMap<>();
    private String[] tokens = new String[0];
    private String[] userIds = new String[0];
    private String[] roomIds = new String[0];

    NetChatTarget(LoadConfig cfg) {
        this.cfg = cfg;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
        String key = cfg.url().replaceAll("[^A-Za-z0-9]+", "_");
        this.cacheFile = cfg.cacheDir().resolve("netchat-" + key + ".json");
    }

    /** The node this user talks to: users are spread round-robin over the given node URLs. */
    private String nodeOf(int user) {
        List<String> urls = cfg.urls();
        return urls.get(user % urls.size());
    }

    String token(int user) {
        return tokens[user];
    }

    String username(int user) {
        return cfg.userPrefix() + "u" + String.format("%06d", user);
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void prepare(Layout layout) throws Exception {
        loadCache();
        ensureUsers(layout.users());
        ensureRooms(layout);
        saveCache();
    }

    /** Signs up the users that do not exist yet and signs in those whose cached token is missing or old. */
    void ensureUsers(int n) throws Exception {
        tokens = new String[n];
        userIds = new String[n];
        boolean cachedTokensValid = n > 0 && cachedTokenWorks(username(0));
        long t0 = System.nanoTime();
        AtomicInteger signedUp = new AtomicInteger();
        AtomicInteger signedIn = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(cfg.concurrency());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int u = i;
                futures.add(pool.submit(() -> {
                    String name = username(u);
                    ObjectNode c = cache.get("user:" + name);
                    if (c != null
                            && cachedTokensValid
                            && Instant.parse(c.get("expiresAt").asText())
                                    .isAfter(Instant.now().plusSeconds(1800))) {
                        tokens[u] = c.get("token").asText();
                        userIds[u] = c.get("userId").asText();
                        return null;
                    }
                    JsonNode session;
                    if (c == null) {
                        HttpResponse<String> r = signup(name);
                        // On an empty installation the first sign-ups race for its first account: the losers are
                        // answered 409 without the "username taken" field error, and simply sign up again.
                        for (int attempt = 0;
                                attempt < 3
                                        && r.statusCode() == 409
                                        && !r.body().contains("\"username\"");
                                attempt++) {
                            r = signup(name);
                        }
                        if (r.statusCode() == 201) {
                            signedUp.incrementAndGet();
                            session = JSON.readTree(r.body());
                        } else if (r.statusCode() == 409) {
                            session = login(name);
                            signedIn.incrementAndGet();
                        } else {
                            throw new IOException("signup of " + name + ": " + r.statusCode() + " " + r.body());
                        }
                    } else {
                        session = login(name);
                        signedIn.incrementAndGet();
                    }
                    ObjectNode entry = JSON.createObjectNode();
                    entry.put("userId", session.get("userId").asText());
                    entry.put("token", session.get("token").asText());
                    entry.put("expiresAt", session.get("expiresAt").asText());
                    cache.put("user:" + name, entry);
                    tokens[u] = entry.get("token").asText();
                    userIds[u] = entry.get("userId").asText();
                    return null;
                }));
            }
            int done = 0;
            for (Future<?> f : futures) {
                f.get();
                if (++done % 1000 == 0) {
                    log("users ready: " + done + "/" + n);
                    saveCache();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        log(String.format("users: %d (signed up %d, signed in %d) in %.1f s", n, signedUp.get(), signedIn.get(), secs));
    }

    private HttpResponse<String> signup(String name) throws Exception {
        return postJson(
                "/api/auth/signup",
                null,
                "{\"fullName\":\"Load " + name + "\",\"username\":\"" + name + "\",\"password\":\"" + cfg.password()
                        + "\"}");
    }

    private boolean cachedTokenWorks(String name) throws Exception {
        ObjectNode c = cache.get("user:" + name);
        if (c == null) {
            return false;
        }
        HttpResponse<String> r = get("/api/users/me", c.get("token").asText());
        return r.statusCode() == 200;
    }

    JsonNode login(String name) throws Exception {
        HttpResponse<String> r = postJson(
                "/api/auth/login", null, "{\"username\":\"" + name + "\",\"password\":\"" + cfg.password() + "\"}");
        if (r.statusCode() != 200) {
            throw new IOException("login of " + name + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private void ensureRooms(Layout layout) throws Exception {
        roomIds = new String[layout.roomCount()];
        boolean cachedRoomsValid = true;
        if (layout.roomCount() > 0) {
            ObjectNode c = cache.get(roomKey(layout, 0));
            cachedRoomsValid = c != null
                    && get("/api/channels/" + c.get("id").asText(), tokens[layout.members(0)[0]])
                                    .statusCode()
                            == 200;
        }
        ExecutorService pool = Executors.newFixedThreadPool(cfg.concurrency());
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int r = 0; r < layout.roomCount(); r++) {
                final int room = r;
                ObjectNode c = cache.get(roomKey(layout, room));
                if (c != null && cachedRoomsValid) {
                    roomIds[room] = c.get("id").asText();
                    continue;
                }
                futures.add(pool.submit(() -> {
                    roomIds[room] = createRoom(layout, room);
                    ObjectNode e = JSON.createObjectNode();
                    e.put("id", roomIds[room]);
                    cache.put(roomKey(layout, room), e);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            log(String.format(
                    "rooms: %d (%d created) in %.1f s",
                    layout.roomCount(), futures.size(), (System.nanoTime() - t0) / 1e9));
        } finally {
            pool.shutdownNow();
        }
    }

    private String roomKey(Layout layout, int room) {
        int[] m = layout.members(room);
        return "room:" + (layout.isDirect(room) ? "direct" : "team") + ":" + cfg.userPrefix() + ":" + m[0] + ":"
                + m[m.length - 1] + ":" + m.length;
    }

    private String createRoom(Layout layout, int room) throws Exception {
        int[] m = layout.members(room);
        String creator = tokens[m[0]];
        int first = Math.min(m.length, 500);
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i < first; i++) {
            ids.append(ids.length() == 0 ? "" : ",")
                    .append('"')
                    .append(userIds[m[i]])
                    .append('"');
        }
        String body = layout.isDirect(room)
                ? "{\"type\":\"messaging\",\"memberIds\":[" + ids + "]}"
                : "{\"type\":\"team\",\"name\":\"lt-" + m.length + "-" + m[0] + "-" + System.nanoTime() % 100000
                        + "\",\"memberIds\":[" + ids + "]}";
        HttpResponse<String> r = postJson("/api/channels", creator, body);
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IOException("create room " + room + ": " + r.statusCode() + " " + r.body());
        }
        String id = JSON.readTree(r.body()).get("id").asText();
        for (int from = first; from < m.length; from += 500) {
            StringBuilder more = new StringBuilder();
            for (int i = from; i < Math.min(m.length, from + 500); i++) {
                more.append(more.length() == 0 ? "" : ",")
                        .append('"')
                        .append(userIds[m[i]])
                        .append('"');
            }
            HttpResponse<String> a =
                    postJson("/api/channels/" + id + "/members", creator, "{\"userIds\":[" + more + "]}");
            if (a.statusCode() != 200) {
                throw new IOException("add members to room " + room + ": " + a.statusCode() + " " + a.body());
            }
        }
        return id;
    }

    @Override
    public URI socketUri(int user, int[] rooms) {
        return URI.create(nodeOf(user).replaceFirst("^http", "ws") + "/ws");
    }

    @Override
    public String subprotocols(int user) {
        return "netchat.v1,bearer." + tokens[user];
    }

    @Override
    public boolean onControlFrame(WsClients.WsSocket socket, ByteBuf frame) {
        // The first frame is {type:"hello"}, sent once the hub registered the connection.
        String s = frame.toString(frame.readerIndex(), Math.min(frame.readableBytes(), 40), StandardCharsets.UTF_8);
        return s.contains("\"hello\"");
    }

    /** As the web client does: the server closes a socket silent for NETCHAT_WS_IDLE_TIMEOUT_SECONDS (90 s). */
    @Override
    public String keepAliveFrame() {
        return PING;
    }

    @Override
    public boolean isKeepAliveReply(ByteBuf frame) {
        return ByteBufUtil.equals(frame, PONG);
    }

    @Override
    public CompletableFuture<Boolean> post(
            int sender, int room, String text, String clientMessageId, WsClients.WsSocket senderSocket) {
        HttpRequest req = HttpRequest.newBuilder(
                        URI.create(nodeOf(sender) + "/api/channels/" + roomIds[room] + "/messages"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens[sender])
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\"" + text + "\",\"clientMessageId\":\"" + clientMessageId + "\"}"))
                .build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 201 || r.statusCode() == 200);
    }

    HttpResponse<String> postJson(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cfg.url() + path))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(cfg.url() + path))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void loadCache() throws IOException {
        if (Files.exists(cacheFile)) {
            JsonNode root = JSON.readTree(cacheFile.toFile());
            root.fields().forEachRemaining(e -> cache.put(e.getKey(), (ObjectNode) e.getValue()));
        }
    }

    private synchronized void saveCache() throws IOException {
        Files.createDirectories(cacheFile.getParent());
        ObjectNode root = JSON.createObjectNode();
        cache.forEach(root::set);
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, cacheFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static void log(String s) {
        System.out.println("[" + Instant.now() + "] " + s);
    }
}
