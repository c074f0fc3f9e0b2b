package dev.netchat.loadtest;

import static io.undertow.Handlers.path;
import static io.undertow.Handlers.websocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeepAliveTest {

    /** Counts the ping frames of each socket (named by ?id=) and answers each with a pong, as NetChat does. */
    private static final class PingCountingServer implements AutoCloseable {
        final Map<String, AtomicInteger> pings = new ConcurrentHashMap<>();
        private final Undertow server;

        PingCountingServer() {
            server = Undertow.builder()
                    .addHttpListener(0, "127.0.0.1")
                    .setIoThreads(1)
                    .setWorkerThreads(1)
                    .setHandler(path().addPrefixPath("/ws", websocket((exchange, channel) -> {
                        String id = exchange.getRequestParameters().get("id").get(0);
                        AtomicInteger count = pings.computeIfAbsent(id, k -> new AtomicInteger());
                        channel.getReceiveSetter().set(new AbstractReceiveListener() {
                            @Override
                            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage m) {
                                if (m.getData().equals("{\"type\":\"ping\"}")) {
                                    count.incrementAndGet();
                                    WebSockets.sendText("{\"type\":\"pong\"}", ch, null);
                                }
                            }
                        });
                        channel.resumeReceives();
                    })))
                    .build();
            server.start();
        }

        URI uri(int id) {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            return URI.create("ws://127.0.0.1:" + port + "/ws?id=" + id);
        }

        int total() {
            return pings.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    @Test
    void everySocketSendsThePingFrameEachPeriodUntilItCloses() throws Exception {
        NetChatTarget target = new NetChatTarget(LoadConfig.builder().build());
        AtomicInteger pongs = new AtomicInteger();
        WsClients.Listener listener = (socket, frame) -> {
            if (target.isKeepAliveReply(frame)) {
                pongs.incrementAndGet();
            }
        };
        try (PingCountingServer server = new PingCountingServer();
                WsClients clients = new WsClients(2)) {
            List<WsClients.WsSocket> sockets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sockets.add(clients.connect(i, server.uri(i), null, WsClients.sourceAddress(i, 2), listener)
                        .get(10, TimeUnit.SECONDS));
            }
            sockets.forEach(s -> s.sendEvery(target.keepAliveFrame(), 100));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline
                    && !(server.pings.size() == 3
                            && server.pings.values().stream().allMatch(c -> c.get() >= 5))) {
                Thread.sleep(50);
            }
            assertThat(server.pings).hasSize(3);
            assertThat(server.pings.values())
                    .allSatisfy(c -> assertThat(c.get()).isGreaterThanOrEqualTo(5));
            assertThat(pongs.get()).isPositive();

            sockets.forEach(WsClients.WsSocket::close);
            for (WsClients.WsSocket s : sockets) {
                while (s.isOpen()) {
                    Thread.sleep(20);
                }
            }
            Thread.sleep(200);
            int afterClose = server.total();
            Thread.sleep(500);
            assertThat(server.total()).as("no pings after the sockets closed").isEqualTo(afterClose);
        }
    }

    @Test
    void onlyNetChatPingsAndItsPongIsRecognisedAsTheReply() {
        LoadConfig cfg = LoadConfig.builder().build();
        NetChatTarget netchat = new NetChatTarget(cfg);

        assertThat(netchat.keepAliveFrame()).isEqualTo("{\"type\":\"ping\"}");
        assertThat(netchat.isKeepAliveReply(utf8("{\"type\":\"pong\"}"))).isTrue();
        assertThat(netchat.isKeepAliveReply(utf8("{\"type\":\"hello\",\"connectionId\":\"c\"}")))
                .isFalse();
        assertThat(netchat.isKeepAliveReply(utf8("{\"type\":\"pong\"}x"))).isFalse();
        // The baselines would relay a stray frame (PLAIN) or drop the connection (socket.io, which pings itself).
        assertThat(new RelayTarget(cfg, RelayTarget.Dialect.PLAIN).keepAliveFrame())
                .isNull();
        assertThat(new RelayTarget(cfg, RelayTarget.Dialect.SOCKETIO).keepAliveFrame())
                .isNull();
    }

    private static io.netty.buffer.ByteBuf utf8(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.UTF_8));
    }
}
