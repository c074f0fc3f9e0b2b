package dev.netchat.loadtest;

import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** A server the generator can drive: NetChat, the bare Undertow broadcaster, or socket.io. */
public interface ChatTarget extends AutoCloseable {

    /** Makes the users and rooms of the layout exist on the server (no-op for servers without accounts). */
    void prepare(Layout layout) throws Exception;

    /** Where a socket of the user connects. */
    URI socketUri(int user, int[] rooms);

    /** The Sec-WebSocket-Protocol offer, or null. */
    String subprotocols(int user);

    /**
     * A frame that carries no load-test message: answer protocol pings, finish protocol handshakes.
     *
     * @return true when this frame says the socket is registered and will receive room traffic
     */
    boolean onControlFrame(WsClients.WsSocket socket, ByteBuf frame);

    /**
     * The frame every socket sends each {@code --ping-seconds} so that the server does not close it as silent,
     * or null when the server needs none (the baselines: a stray frame would be relayed or break the protocol;
     * socket.io's server pings and {@link #onControlFrame} answers).
     */
    default String keepAliveFrame() {
        return null;
    }

    /** True for the server's answer to {@link #keepAliveFrame()}: neither a delivery nor traffic to settle. */
    default boolean isKeepAliveReply(ByteBuf frame) {
        return false;
    }

    /**
     * Posts a message as {@code sender} to {@code room}. Completes with true when the server acknowledged it
     * (NetChat: 201/200), or when the frame was written (baselines, which have no acknowledgement).
     */
    CompletableFuture<Boolean> post(
            int sender, int room, String text, String clientMessageId, WsClients.WsSocket senderSocket);

    @Override
    default void close() {}

    static ChatTarget create(LoadConfig cfg) {
        return switch (cfg.target()) {
            case NETCHAT -> new NetChatTarget(cfg);
            case UNDERTOW -> new RelayTarget(cfg, RelayTarget.Dialect.PLAIN);
            case SOCKETIO -> new RelayTarget(cfg, RelayTarget.Dialect.SOCKETIO);
        };
    }
}
