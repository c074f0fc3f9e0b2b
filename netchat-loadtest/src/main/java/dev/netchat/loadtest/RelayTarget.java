package dev.netchat.loadtest;

import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The baselines: servers without accounts or storage that relay a frame to every socket in a room. A socket names
 * its rooms in the query string; a message travels over the sender's own socket.
 * <ul>
 *   <li>PLAIN (the Undertow ceiling, {@link UndertowBroadcastServer}): the server says {@code hello} once the
 *       socket is registered; a post is the frame {@code room|text}, relayed verbatim.</li>
 *   <li>SOCKETIO (Engine.IO 4 over a raw WebSocket): {@code 0{..}} open, we send {@code 40}, {@code 40{..}}
 *       connected; {@code 2} ping answered by {@code 3}; a post is {@code 42["msg","room","text"]}, received as
 *       {@code 42["msg","text"]}.</li>
 * </ul>
 */
final class RelayTarget implements ChatTarget {

    enum Dialect {
        PLAIN,
        SOCKETIO
    }

    private final LoadConfig cfg;
    private final Dialect dialect;
    private final URI base;

    RelayTarget(LoadConfig cfg, Dialect dialect) {
        this.cfg = cfg;
        this.dialect = dialect;
        this.base = URI.create(cfg.url().replaceFirst("^http", "ws"));
    }

    @Override
    public void prepare(Layout layout) {
        // Nothing to create: rooms exist as soon as a socket names them.
    }

    @Override
    public URI socketUri(int user, int[] rooms) {
        String list = Arrays.stream(rooms).mapToObj(Integer::toString).collect(Collectors.joining(","));
        String path = dialect == Dialect.PLAIN ? "/ws?rooms=" : "/socket.io/?EIO=4&transport=websocket&rooms=";
        return URI.create(base + path + list);
    }

    @Override
    public String subprotocols(int user) {
        return null;
    }

    @Override
    public boolean onControlFrame(WsClients.WsSocket socket, ByteBuf frame) {
        String s = frame.toString(StandardCharsets.UTF_8);
        if (dialect == Dialect.PLAIN) {
            return s.startsWith("hello");
        }
        if (s.equals("2")) {
            socket.send("3");
        } else if (s.startsWith("40")) {
            return true;
        } else if (s.startsWith("0")) {
            socket.send("40");
        }
        return false;
    }

    @Override
    public CompletableFuture<Boolean> post(
            int sender, int room, String text, String clientMessageId, WsClients.WsSocket senderSocket) {
        if (senderSocket == null || !senderSocket.isOpen()) {
            return CompletableFuture.completedFuture(false);
        }
        String frame = dialect == Dialect.PLAIN ? room + "|" + text : "42[\"msg\",\"" + room + "\",\"" + text + "\"]";
        return senderSocket.send(frame);
    }
}
