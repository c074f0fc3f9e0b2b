package dev.netchat.loadtest;

import static io.undertow.Handlers.path;
import static io.undertow.Handlers.websocket;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.PathHandler;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ceiling: a bare WebSocket room broadcaster on Undertow (the web server inside WildFly), with no
 * authentication and no storage. A socket joins the rooms named in {@code ?rooms=1,2}; it is told {@code hello}
 * once registered; a frame {@code room|text} is relayed verbatim, encoded once, to every socket of the room.
 * <pre>java -cp target/netchat-loadtest.jar dev.netchat.loadtest.UndertowBroadcastServer [port] [ioThreads]</pre>
 */
public final class UndertowBroadcastServer {

    private final Map<String, Set<WebSocketChannel>> rooms = new ConcurrentHashMap<>();
    private final Undertow server;

    public UndertowBroadcastServer(String host, int port, int ioThreads) {
        PathHandler handler = path().addPrefixPath("/ws", websocket(new WebSocketConnectionCallback() {
            @Override
            public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
                join(exchange.getRequestParameters(), channel);
            }
        }));
        this.server = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(ioThreads)
                .setWorkerThreads(ioThreads)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, -1)
                .setHandler(handler)
                .build();
    }

    private void join(Map<String, List<String>> params, WebSocketChannel channel) {
        List<String> list = params.getOrDefault("rooms", List.of());
        String[] mine = list.isEmpty() || list.get(0).isEmpty()
                ? new String[0]
                : list.get(0).split(",");
        for (String r : mine) {
            rooms.computeIfAbsent(r, k -> ConcurrentHashMap.newKeySet()).add(channel);
        }
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                String data = message.getData();
                int bar = data.indexOf('|');
                if (bar <= 0) {
                    return;
                }
                Set<WebSocketChannel> members = rooms.get(data.substring(0, bar));
                if (members == null) {
                    return;
                }
                ByteBuffer bytes = ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8));
                for (WebSocketChannel m : members) {
                    WebSockets.sendText(bytes.duplicate(), m, null);
                }
            }
        });
        channel.addCloseTask(ch -> {
            for (String r : mine) {
                Set<WebSocketChannel> s = rooms.get(r);
                if (s != null) {
                    s.remove(ch);
                }
            }
        });
        channel.resumeReceives();
        WebSockets.sendText("hello", channel, null);
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop();
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9001;
        int io = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        UndertowBroadcastServer s = new UndertowBroadcastServer("127.0.0.1", port, io);
        s.start();
        System.out.println("undertow broadcast server on 127.0.0.1:" + port + " pid "
                + ProcessHandle.current().pid());
    }
}
