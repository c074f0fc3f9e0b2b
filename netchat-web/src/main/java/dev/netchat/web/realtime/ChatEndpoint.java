package dev.netchat.web.realtime;

import dev.netchat.auth.TokenVerifier.VerifiedToken;
import dev.netchat.event.RealtimeBus;
import dev.netchat.event.Replay;
import dev.netchat.event.ReplayService;
import dev.netchat.presence.TypingStarted;
import dev.netchat.presence.TypingStopped;
import dev.netchat.shared.Wire;
import dev.netchat.user.AccountStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The WebSocket at /ws. Holds no state of its own beyond the one connection this instance serves; shared
 * state lives in {@link ChatHub}. Frames are small JSON objects: ping, typing.start, typing.stop, resume.
 * Anything else, or a frame about a channel the user is not in, gets an error frame and changes nothing.
 */
@ServerEndpoint(
        value = "/ws",
        subprotocols = HandshakeAuthenticator.PROTOCOL,
        configurator = HandshakeAuthenticator.class)
public class ChatEndpoint {

    /** Inbound frames are tiny; anything larger is refused by the container with close code 1009. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private static final int MAX_BAD_FRAMES = 20;
    private static final long TYPING_INTERVAL_MILLIS = 1500;

    @Inject
    ChatHub hub;

    @Inject
    SocketGuard guard;

    @Inject
    ConnectionRegistry registry;

    @Inject
    dev.netchat.web.shared.UserRates rates;

    @Inject
    RealtimeBus bus;

    @EJB
    ReplayService replays;

    /** The same answer, cached briefly and dropped cluster-wide on a change, that every REST call and the handshake get. */
    @Inject
    AccountStatus accounts;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "netchat.ws.max-queued-frames", defaultValue = "1000")
    int maxQueuedFrames;

    @Inject
    @ConfigProperty(name = "netchat.ws.max-queued-bytes", defaultValue = "1048576")
    long maxQueuedBytes;

    @Inject
    @ConfigProperty(name = "netchat.ws.idle-timeout-seconds", defaultValue = "90")
    int idleTimeoutSeconds;

    private Connection connection;
    private final StringBuilder partial = new StringBuilder();
    private boolean tooBig;
    private int badFrames;
    /** channel -> when this socket last forwarded typing there (rate limit) */
    private final ConcurrentMap<String, Long> lastTyping = new ConcurrentHashMap<>();

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        VerifiedToken caller = (VerifiedToken) config.getUserProperties().get(HandshakeAuthenticator.CALLER);
        if (caller == null || !accounts.of(caller.userId()).active()) {
            close(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Not authenticated"));
            return;
        }
        if (!guard.admit(session, caller.userId(), caller.sessionId())) {
            return;
        }
        session.setMaxIdleTimeout(idleTimeoutSeconds * 1000L);
        session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
        connection = new Connection(
                UUID.randomUUID().toString(),
                caller.userId(),
                caller.sessionId(),
                session,
                maxQueuedFrames,
                maxQueuedBytes,
                executor,
                registry.listener());
        connection.send(Frames.hello(connection.id(), caller.userId()));
        hub.opened(connection);
    }

    /**
     * Collects a text message that may arrive in several frames; one larger than the limit closes the socket
     * with 1009 (the container's own limit does not count fragmented messages).
     */
    @OnMessage
    public void part(Session session, String part, boolean last) {
        if (connection == null) {
            return;
        }
        if (partial.length() + part.length() > MAX_FRAME_BYTES) {
            partial.setLength(0);
            tooBig = true;
            connection.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "Frames are at most 64 KiB"));
            return;
        }
        if (tooBig) {
            return;
        }
        partial.append(part);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            message(text);
        }
    }

    /**
     * Binary frames have no meaning here. They are taken in pieces as they arrive (a partial handler: never
     * collected into one message) and the first piece closes the socket with 1003, so no amount of binary data
     * is buffered. (A size limit here would make the container close with 1009 instead.)
     */
    @OnMessage
    public void binary(Session session, java.nio.ByteBuffer part, boolean last) {
        close(session, new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "Binary frames are not accepted"));
    }

    private void message(String text) {
        JsonObject frame;
        try (var reader = Wire.JSON.createReader(new StringReader(text))) {
            frame = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            refuse(400, "Bad frame", "Every frame must be one JSON object.");
            return;
        }
        String type = frame.get("type") instanceof jakarta.json.JsonString s ? s.getString() : null;
        if (type == null) {
            refuse(400, "Bad frame", "A frame needs a type.");
            return;
        }
        switch (type) {
            case "ping" -> connection.send(Frames.pong());
            case "typing.start", "typing.stop" -> typing(type, frame);
            case "resume" -> resume(frame);
            default -> refuse(400, "Unknown frame type", "Frame types are ping, typing.start, typing.stop and resume.");
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        guard.release(session);
        if (connection != null) {
            hub.closed(connection);
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        // The container closes the socket (a too-large frame closes it with 1009); the hub forgets it on close.
    }

    private void typing(String type, JsonObject frame) {
        String channelId = frame.get("channelId") instanceof jakarta.json.JsonString s ? s.getString() : null;
        if (channelId == null) {
            refuse(400, "Bad frame", type + " needs a channelId.");
            return;
        }
        long now = System.currentTimeMillis();
        if (type.equals("typing.start")) {
            Long last = lastTyping.get(channelId);
            if (last != null && now - last < TYPING_INTERVAL_MILLIS) {
                return;
            }
        }
        // Every forwarded typing event counts, starts and stops alike (alternating them defeats the debounce).
        long wait = rates.typing(connection.userId());
        if (wait > 0) {
            // Not a bad frame (it does not count towards closing the socket), but not forwarded either.
            connection.send(
                    Frames.error(429, "Too many typing events", "Slow down; try again in " + wait + " seconds."));
            return;
        }
        if (type.equals("typing.start")) {
            lastTyping.put(channelId, now);
        } else {
            lastTyping.remove(channelId);
        }
        String userId = connection.userId();
        executor.execute(() -> {
            List<String> members = replays.recipients(channelId);
            if (!members.contains(userId)) {
                refuse(404, "No such channel", "You are not a member of that channel.");
                return;
            }
            // Through the bus like every other event: members connected to other nodes see it too.
            List<String> others =
                    members.stream().filter(m -> !m.equals(userId)).toList();
            bus.toUsers(
                    type.equals("typing.start")
                            ? new TypingStarted(channelId, userId)
                            : new TypingStopped(channelId, userId),
                    others,
                    null);
        });
    }

    private void resume(JsonObject frame) {
        if (!(frame.get("cursors") instanceof JsonObject cursorsJson)
                || cursorsJson.size() > ReplayService.MAX_CHANNELS_PER_RESUME) {
            refuse(
                    400,
                    "Bad frame",
                    "resume needs cursors: {channelId: lastSeq, …} for at most " + ReplayService.MAX_CHANNELS_PER_RESUME
                            + " channels.");
            return;
        }
        Map<String, Long> asked = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : cursorsJson.entrySet()) {
            if (!(e.getValue() instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
                refuse(400, "Bad frame", "Each cursor must be a whole number of 0 or more.");
                return;
            }
            asked.put(e.getKey(), n.longValue());
        }
        Connection conn = connection;
        // Live events of these channels wait from now on, until the replay is queued ahead of them.
        Map<String, Long> from = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : asked.entrySet()) {
            from.put(e.getKey(), conn.beginResume(e.getKey(), e.getValue()));
        }
        executor.execute(() -> {
            Map<String, Long> replayable = new LinkedHashMap<>();
            from.forEach((channel, cursor) -> {
                if (cursor >= 0) {
                    replayable.put(channel, cursor);
                }
            });
            try {
                Map<String, Replay> results = new LinkedHashMap<>();
                for (Replay r : replays.replay(conn.userId(), replayable)) {
                    results.put(r.channelId(), r);
                }
                for (Map.Entry<String, Long> e : from.entrySet()) {
                    String channel = e.getKey();
                    Replay r = results.get(channel);
                    if (r == null) {
                        // Live events went out that the replay could not order behind: refetch.
                        conn.completeResume(channel, 0, List.of(), Frames.resync(channel), lastSeqOrZero(channel));
                    } else if (r.outcome() == Replay.Outcome.NOT_A_MEMBER) {
                        conn.abandonResume(channel);
                        conn.send(Frames.error(
                                404, "No such channel", "You are not a member of channel " + channel + "."));
                    } else if (r.outcome() == Replay.Outcome.RESYNC) {
                        conn.completeResume(channel, e.getValue(), List.of(), Frames.resync(channel), r.lastSeq());
                    } else {
                        conn.completeResume(channel, e.getValue(), r.frames(), null, r.lastSeq());
                    }
                }
            } catch (RuntimeException ex) {
                from.keySet().forEach(conn::abandonResume);
                conn.send(Frames.error(503, "Resume failed", "The server could not replay; refetch by REST."));
            }
        });
    }

    private long lastSeqOrZero(String channelId) {
        var r = replays.replay(connection.userId(), Map.of(channelId, Long.MAX_VALUE / 2));
        return r.isEmpty() ? 0 : r.get(0).lastSeq();
    }

    private void refuse(int status, String title, String detail) {
        if (connection == null) {
            return;
        }
        connection.send(Frames.error(status, title, detail));
        if (++badFrames > MAX_BAD_FRAMES) {
            connection.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Too many bad frames"));
        }
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (java.io.IOException e) {
            // already gone
        }
    }
}
