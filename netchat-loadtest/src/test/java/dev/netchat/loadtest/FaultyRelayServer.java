package dev.netchat.loadtest;

import static io.undertow.Handlers.path;
import static io.undertow.Handlers.websocket;

import io.undertow.Undertow;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A known, faulty in-process server speaking the PLAIN relay dialect: it withholds message number
 * {@code dropAt} from one member of the room and sends message number {@code doubleAt} twice to one member.
 * Everything else is relayed exactly once to every member.
 */
final class FaultyRelayServer implements AutoCloseable {

    private final Map<String, Set<WebSocketChannel>> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger relayed = new AtomicInteger();
    private final int dropAt;
    private final int doubleAt;
    private final Undertow server;

    FaultyRelayServer(int dropAt, int doubleAt) {
        this.dropAt = dropAt;
        this.doubleAt = doubleAt;
        this.server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setIoThreads(2)
                .setWorkerThreads(2)
                .setHandler(path().addPrefixPath("/ws", websocket((exchange, channel) -> {
                    String q = exchange.getRequestParameters()
                            .getOrDefault("rooms", List.of(""))
                            .get(0);
                    String[] mine = q.isEmpty() ? new String[0] : q.split(",");
                    for (String r : mine) {
                        rooms.computeIfAbsent(r, k -> ConcurrentHashMap.newKeySet())
                                .add(channel);
                    }
                    channel.getReceiveSetter().set(new AbstractReceiveListener() {
                        @Override
                        protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage m) {
                            relay(m.getData());
                        }
                    });
                    channel.resumeReceives();
                    WebSockets.sendText("hello", channel, null);
                })))
                .build();
        server.start();
    }

    private void relay(String frame) {
        int n = relayed.incrementAndGet();
        List<WebSocketChannel> members =
                new ArrayList<>(rooms.getOrDefault(frame.substring(0, frame.indexOf('|')), Set.of()));
        for (int i = 0; i < members.size(); i++) {
            if (n == dropAt && i == 0) {
                continue;
            }
            WebSockets.sendText(frame, members.get(i), null);
            if (n == doubleAt && i == 0) {
                WebSockets.sendText(frame, members.get(i), null);
            }
        }
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    int relayed() {
        return relayed.get();
    }

    @Override
    public void close() {
        server.stop();
    }
}
