package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A NetChat WebSocket client for tests, on the JDK's {@link java.net.http.WebSocket}. Every text frame
 * (reassembled from partial deliveries) is parsed as JSON and queued; the test takes frames from the queue
 * ({@link #next}, {@link #awaitEvent}, {@link #drain}); {@link #received} keeps all of them.
 *
 * <p>A socket opened by {@link #connectSlow} stops reading after a few frames, as a client on a stalled
 * network would, until {@link #resumeReading()}: the JDK client then stops reading from the connection, so the
 * server's writes back up.
 */
public final class ChatSocket implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The close code reported when the connection ended without a close frame (onError). */
    public static final int ABNORMAL_CLOSURE = 1006;

    public static final String SUBPROTOCOL = "netchat.v1";

    /** One client for every socket; each socket still has its own connection. */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String label;
    private final LinkedBlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile Consumer<JsonNode> onFrame = f -> {};
    private volatile WebSocket webSocket;
    private volatile JsonNode hello;
    private volatile String closeReason;
    private volatile Throwable error;
    private volatile boolean closedByUs;
    private CompletableFuture<WebSocket> pendingSend = CompletableFuture.completedFuture(null);

    // Read budget: how many more frames the listener asks for by itself (slow sockets only).
    private final Object demandLock = new Object();
    private long readBudget = Long.MAX_VALUE;
    private boolean starved;

    private ChatSocket(String label) {
        this.label = label;
    }

    // Connecting

    /** Connects with the access token as subprotocol pair {@code netchat.v1, bearer.<token>} from NetChat's own origin. */
    public static ChatSocket connect(Api api, Api.Session session) {
        ChatSocket s = open(api, session, Long.MAX_VALUE, api.origin(), null, SUBPROTOCOL, "bearer." + session.token());
        assertThat(s.webSocket.getSubprotocol())
                .as("the subprotocol the server selected")
                .isEqualTo(SUBPROTOCOL);
        return s;
    }

    /** Connects with the session cookie, as the web client in a browser does (it offers {@code netchat.v1}). */
    public static ChatSocket connectWithCookie(Api api, Api.Session session) {
        return open(
                api, session, Long.MAX_VALUE, api.origin(), "netchat_access=" + session.accessCookie(), SUBPROTOCOL);
    }

    /**
     * Connects with the bearer token, but reads only {@code framesToRead} frames (hello included) and then
     * stops reading until {@link #resumeReading()}.
     */
    public static ChatSocket connectSlow(Api api, Api.Session session, int framesToRead) {
        return open(api, session, framesToRead, api.origin(), null, SUBPROTOCOL, "bearer." + session.token());
    }

    /**
     * Completes the handshake with the bearer token without expecting hello: for sockets the server may close
     * at once (a user over the socket cap). The caller reads frames or awaits the close.
     */
    public static ChatSocket connectUnchecked(Api api, Api.Session session) {
        ChatSocket s = new ChatSocket(session.username());
        s.readBudget = Long.MAX_VALUE;
        try {
            s.webSocket = handshake(api, s, api.origin(), null, SUBPROTOCOL, "bearer." + session.token())
                    .get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("WebSocket handshake of " + session.username() + " failed: " + e, e);
        }
        return s;
    }

    private static ChatSocket open(
            Api api, Api.Session session, long readBudget, String origin, String cookie, String... subprotocols) {
        ChatSocket s = new ChatSocket(session.username());
        s.readBudget = readBudget;
        try {
            s.webSocket = handshake(api, s, origin, cookie, subprotocols).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(
                    "WebSocket handshake of " + session.username() + " failed: " + describe(unwrap(e)), unwrap(e));
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("WebSocket handshake of " + session.username() + " did not complete: " + e, e);
        }
        JsonNode first = s.next(TIMEOUT);
        assertThat(first)
                .as("%s: the first frame (hello) within %s", s.label, TIMEOUT)
                .isNotNull();
        assertThat(first.path("type").asText())
                .as("%s: the first frame is hello: %s", s.label, first)
                .isEqualTo("hello");
        assertThat(first.path("connectionId").asText())
                .as("hello.connectionId: %s", first)
                .isNotBlank();
        assertThat(first.path("userId").asText()).as("hello.userId: %s", first).isEqualTo(session.userId());
        s.hello = first;
        return s;
    }

    private static CompletableFuture<WebSocket> handshake(
            Api api, ChatSocket s, String origin, String cookie, String... subprotocols) {
        WebSocket.Builder b = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (subprotocols.length > 0) {
            String[] rest = new String[subprotocols.length - 1];
            System.arraycopy(subprotocols, 1, rest, 0, rest.length);
            b.subprotocols(subprotocols[0], rest);
        }
        return b.buildAsync(uri(api), s.new Collector());
    }

    /** ws://host:port/ws for the server the Api talks to. */
    public static URI uri(Api api) {
        URI base = api.base();
        return URI.create((base.getScheme().equals("https") ? "wss" : "ws") + "://" + base.getAuthority() + "/ws");
    }

    /**
     * A handshake that must be refused: answers the JDK's exception for the server's non-101 answer (its
     * {@code getResponse().statusCode()} is the HTTP status). Fails the test when the handshake succeeds, even if
     * the server closes the socket right after.
     */
    public static WebSocketHandshakeException expectRefused(
            Api api, String origin, String cookie, String... subprotocols) {
        ChatSocket s = new ChatSocket("expected-refused");
        WebSocket ws;
        try {
            ws = handshake(api, s, origin, cookie, subprotocols).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused;
            }
            throw new AssertionError("the handshake failed, but not with an HTTP answer: " + cause, cause);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the handshake neither completed nor failed: " + e, e);
        }
        s.webSocket = ws;
        JsonNode first = s.next(Duration.ofSeconds(2));
        Integer code = s.closed.getNow(null);
        ws.abort();
        throw new AssertionError("the handshake was accepted (subprotocol '" + ws.getSubprotocol() + "'); first frame: "
                + first + "; close code: " + code);
    }

    /** The HTTP status of a refused handshake. */
    public static int status(WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        if (t instanceof WebSocketHandshakeException h) {
            return "HTTP " + h.getResponse().statusCode() + " "
                    + h.getResponse().body();
        }
        return String.valueOf(t);
    }

    // The listener

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (!last) {
                ws.request(1);
                return null;
            }
            String text = partial.toString();
            partial.setLength(0);
            JsonNode frame = parse(text);
            try {
                onFrame.accept(frame);
            } catch (RuntimeException | AssertionError e) {
                // A hook's failure must not stop the socket; hooks record their own findings.
            }
            received.add(frame);
            queue.add(frame);
            askForMore(ws);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (last) {
                ObjectNode marker = Api.json().put("type", "__binary");
                received.add(marker);
                queue.add(marker);
                askForMore(ws);
            } else {
                ws.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            // The JDK answers pings with pongs by itself.
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable e) {
            error = e;
            closed.complete(ABNORMAL_CLOSURE);
        }
    }

    private void askForMore(WebSocket ws) {
        synchronized (demandLock) {
            if (readBudget == Long.MAX_VALUE) {
                ws.request(1);
            } else if (--readBudget > 0) {
                ws.request(1);
            } else {
                starved = true;
            }
        }
    }

    /** A slow socket reads again, everything from now on. */
    public void resumeReading() {
        synchronized (demandLock) {
            readBudget = Long.MAX_VALUE;
            if (starved) {
                starved = false;
                webSocket.request(1);
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode node = Api.JSON.readTree(text);
            if (node != null) {
                return node;
            }
        } catch (Exception e) {
            // reported below
        }
        return Api.json().put("type", "__unparseable").put("raw", text);
    }

    /**
     * Runs on the listener's thread for every frame, before the frame is queued and before the next one is
     * read; for checks that must happen at the moment a frame arrives.
     */
    public void onFrame(Consumer<JsonNode> hook) {
        this.onFrame = hook == null ? f -> {} : hook;
    }

    // Receiving

    /** The next frame, or null when none arrives within the timeout. */
    public JsonNode next(Duration timeout) {
        try {
            return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next frame of the given type; frames of other types before it are taken from the queue. */
    public JsonNode awaitType(String type, Duration timeout) {
        return awaitEvent(f -> type.equals(f.path("type").asText()), timeout, "type " + type);
    }

    /** The next frame that matches; frames before it that do not are taken from the queue. */
    public JsonNode awaitEvent(Predicate<JsonNode> matches, Duration timeout) {
        return awaitEvent(matches, timeout, "a matching frame");
    }

    public JsonNode awaitEvent(Predicate<JsonNode> matches, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> skipped = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode f = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (f == null) {
                throw new AssertionError(label + ": no frame with " + what + " within " + timeout + "; skipped "
                        + skipped + (isClosed() ? "; the socket is closed (" + closed.getNow(null) + ")" : ""));
            }
            if (matches.test(f)) {
                return f;
            }
            skipped.add(f);
        }
    }

    /** The next {@code count} frames that match, in arrival order; frames that do not match are skipped. */
    public List<JsonNode> collect(Predicate<JsonNode> matches, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> found = new ArrayList<>();
        while (found.size() < count) {
            long left = deadline - System.nanoTime();
            JsonNode f = left > 0 ? next(Duration.ofNanos(left)) : null;
            if (f == null) {
                throw new AssertionError(label + ": only " + found.size() + " of " + count + " frames within " + timeout
                        + "; got seqs " + Chat.seqsOf(found)
                        + (isClosed() ? "; the socket is closed (" + closed.getNow(null) + ")" : ""));
            }
            if (matches.test(f)) {
                found.add(f);
            }
        }
        return found;
    }

    /** Every frame that arrives until none has arrived for {@code quiet} (at most one minute in all). */
    public List<JsonNode> drain(Duration quiet) {
        List<JsonNode> frames = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        JsonNode f;
        while (System.nanoTime() < end && (f = next(quiet)) != null) {
            frames.add(f);
        }
        return frames;
    }

    /** Every frame received since the socket opened (hello included), whether taken from the queue or not. */
    public List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    // Sending

    public void send(ObjectNode frame) {
        sendRaw(Api.write(frame));
    }

    public void sendRaw(String text) {
        try {
            sendRawAsync(text).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(label + ": send failed: " + unwrap(e), unwrap(e));
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(label + ": send did not complete: " + e, e);
        }
    }

    /** Sends without waiting; one send at a time (the JDK refuses a send while another is pending). */
    public synchronized CompletableFuture<WebSocket> sendRawAsync(String text) {
        pendingSend = webSocket.sendText(text, true);
        return pendingSend;
    }

    /** Whether the previous send has completed (successfully or not), so that another may start. */
    public synchronized boolean sendIdle() {
        return pendingSend.isDone();
    }

    // Closing

    /** Closes normally (1000) and waits briefly for the server's answer; never fails. */
    @Override
    public void close() {
        closedByUs = true;
        WebSocket ws = webSocket;
        if (ws == null) {
            return;
        }
        if (!closed.isDone() && !ws.isOutputClosed()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
                closed.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing anyway
            }
        }
        ws.abort();
    }

    /** Drops the connection without a close frame, as a lost network would. */
    public void abort() {
        closedByUs = true;
        if (webSocket != null) {
            webSocket.abort();
        }
    }

    /**
     * Sends one binary frame from a thread of its own and does not wait for it. The JDK client may run a send on
     * the caller's thread, and a frame of many megabytes that the server stops reading (it closes at the first
     * piece) must never be able to hold the test's thread: the test watches for the server's close instead.
     */
    public void sendBinaryDetached(ByteBuffer data, boolean last) {
        detached("send", () -> webSocket.sendBinary(data, last));
    }

    /**
     * {@link #abort()} from a thread of its own, waiting at most {@code bound}: after a send the server refused
     * half-way, the JDK client's abort has been seen to hang (CI, PostgreSQL run) and it must not hang the suite.
     * The server's side has already been checked by then (its close code); a client that is slow to let go of
     * its own connection is reported, not waited for.
     */
    public void abortWithin(Duration bound) {
        closedByUs = true;
        if (webSocket == null) {
            return;
        }
        Thread t = detached("abort", webSocket::abort);
        try {
            t.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            System.out.printf(
                    "%s: the JDK client's abort did not return within %s; left to finish on its own%n", label, bound);
        }
    }

    private Thread detached(String what, Runnable action) {
        Thread t = new Thread(action, "chat-socket-" + what + "-" + label);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The close code the server sent (or {@link #ABNORMAL_CLOSURE}); fails when still open after the timeout. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(label + ": still open after " + timeout);
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the connection ended (close frame or error) within the timeout. */
    public boolean closedWithin(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the connection has ended: the server closed it, it broke, or this side closed it. */
    public boolean isClosed() {
        return closed.isDone() || closedByUs || (webSocket != null && webSocket.isInputClosed());
    }

    /** Whether the server (or the network) ended the connection, as opposed to this side. */
    public boolean closedByServer() {
        return closed.isDone() && !closedByUs;
    }

    public String closeReason() {
        return closeReason;
    }

    public Throwable error() {
        return error;
    }

    // What the server said at the start

    public JsonNode hello() {
        return hello;
    }

    public String connectionId() {
        return hello.path("connectionId").asText();
    }

    public String userId() {
        return hello.path("userId").asText();
    }

    public WebSocket webSocket() {
        return webSocket;
    }

    @Override
    public String toString() {
        return "ChatSocket[" + label + "]";
    }

    // Frames

    public static ObjectNode frame(String type) {
        return Api.json().put("type", type);
    }

    public static ObjectNode ping() {
        return frame("ping");
    }

    public static ObjectNode typing(String type, String channelId) {
        return frame(type).put("channelId", channelId);
    }

    public static ObjectNode resume(String channelId, long lastSeq) {
        ObjectNode frame = frame("resume");
        frame.putObject("cursors").put(channelId, lastSeq);
        return frame;
    }

    /**
     * The problem object an error frame carries: under {@code problem} or {@code error}, or the frame itself
     * when the problem's fields are at its top level.
     */
    public static JsonNode problemOf(JsonNode errorFrame) {
        for (String key : new String[] {"problem", "error"}) {
            if (errorFrame.path(key).isObject()) {
                return errorFrame.path(key);
            }
        }
        return errorFrame;
    }
}
