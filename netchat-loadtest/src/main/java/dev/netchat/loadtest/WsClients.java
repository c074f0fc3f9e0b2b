package dev.netchat.loadtest;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many WebSocket clients on a few Netty event-loop threads. Each socket binds its own loopback source address
 * (127.0.0.2, 127.0.0.3, ...) so that more than ~28k sockets can reach one server port.
 */
public final class WsClients implements AutoCloseable {

    /** What a socket tells its owner. Called on the socket's I/O thread. */
    public interface Listener {
        /** A text frame; the buffer is valid only during the call. */
        void onText(WsSocket socket, ByteBuf frame);

        default void onClosed(WsSocket socket) {}

        default void onError(WsSocket socket, Throwable error) {}
    }

    /** One open socket. */
    public static final class WsSocket {
        private final int id;
        private final Channel channel;

        WsSocket(int id, Channel channel) {
            this.id = id;
            this.channel = channel;
        }

        public int id() {
            return id;
        }

        public boolean isOpen() {
            return channel.isActive();
        }

        /** Queues a text frame; the future completes when the frame is written to the socket. */
        public CompletableFuture<Boolean> send(String text) {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            channel.writeAndFlush(new TextWebSocketFrame(text)).addListener(f -> {
                if (f.isSuccess()) {
                    done.complete(true);
                } else {
                    done.completeExceptionally(f.cause());
                }
            });
            return done;
        }

        /**
         * Sends {@code text} every {@code periodMillis} while the socket is open, the first time after a random
         * part of the period: thousands of sockets opened together then spread their frames over the period
         * instead of sending them in the same millisecond. Runs on the socket's own event loop.
         */
        public void sendEvery(String text, long periodMillis) {
            if (periodMillis <= 0) {
                throw new IllegalArgumentException("period must be > 0 ms: " + periodMillis);
            }
            long first = ThreadLocalRandom.current().nextLong(periodMillis);
            ScheduledFuture<?> task = channel.eventLoop()
                    .scheduleAtFixedRate(
                            () -> {
                                if (channel.isActive()) {
                                    // A failed write means the socket is going; closing it is reported elsewhere.
                                    channel.writeAndFlush(new TextWebSocketFrame(text));
                                }
                            },
                            first,
                            periodMillis,
                            TimeUnit.MILLISECONDS);
            channel.closeFuture().addListener(f -> task.cancel(false));
        }

        public void close() {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame()).addListener(f -> channel.close());
            }
        }
    }

    private final EventLoopGroup group;
    private final Bootstrap bootstrap;

    public WsClients(int ioThreads) {
        this.group = new NioEventLoopGroup(ioThreads);
        this.bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 20_000);
    }

    /** The loopback source address for socket {@code i}: 127.0.0.2 .. 127.0.0.(1+count). */
    public static InetSocketAddress sourceAddress(int i, int count) {
        return new InetSocketAddress("127.0.0." + (2 + Math.floorMod(i, count)), 0);
    }

    /**
     * Opens a socket. The future completes when the WebSocket handshake is done (not when the application says
     * hello: that is the listener's business) and fails when the connection or the handshake fails.
     */
    public CompletableFuture<WsSocket> connect(
            int id, URI uri, String subprotocols, InetSocketAddress local, Listener listener) {
        CompletableFuture<WsSocket> opened = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .subprotocol(subprotocols)
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .customHeaders(new DefaultHttpHeaders())
                .maxFramePayloadLength(1 << 20)
                .generateOriginHeader(false)
                .handshakeTimeoutMillis(30_000)
                .dropPongFrames(true)
                // Close frames reach the handler, which counts the server's reasons before closing.
                .handleCloseFrames(false)
                .build();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline()
                        .addLast(
                                new HttpClientCodec(),
                                new HttpObjectAggregator(65536),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(1 << 20),
                                new FrameHandler(id, opened, listener, closeReasons));
            }
        });
        ChannelFuture cf = b.connect(new InetSocketAddress(uri.getHost(), port(uri)), local);
        cf.addListener(f -> {
            if (!f.isSuccess()) {
                opened.completeExceptionally(f.cause());
            }
        });
        return opened;
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "wss".equals(uri.getScheme()) ? 443 : 80;
    }

    /** Close frames received from the server, by "status reason": why sockets ended, as the server put it. */
    private final Map<String, LongAdder> closeReasons = new ConcurrentHashMap<>();

    public Map<String, Long> closeReasons() {
        Map<String, Long> copy = new TreeMap<>();
        closeReasons.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private static final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final Map<String, LongAdder> closeReasons;
        private final int id;
        private final CompletableFuture<WsSocket> opened;
        private final Listener listener;
        private WsSocket socket;

        FrameHandler(
                int id, CompletableFuture<WsSocket> opened, Listener listener, Map<String, LongAdder> closeReasons) {
            this.id = id;
            this.opened = opened;
            this.listener = listener;
            this.closeReasons = closeReasons;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                socket = new WsSocket(id, ctx.channel());
                opened.complete(socket);
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
                ctx.close();
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame && socket != null) {
                listener.onText(socket, frame.content());
            } else if (frame instanceof CloseWebSocketFrame close) {
                closeReasons
                        .computeIfAbsent(close.statusCode() + " " + close.reasonText(), k -> new LongAdder())
                        .increment();
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!opened.isDone()) {
                opened.completeExceptionally(cause);
            } else if (socket != null) {
                listener.onError(socket, cause);
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!opened.isDone()) {
                opened.completeExceptionally(new IllegalStateException("closed before the handshake completed"));
            } else if (socket != null) {
                listener.onClosed(socket);
            }
            super.channelInactive(ctx);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
