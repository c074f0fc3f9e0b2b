package dev.netchat.web.realtime;

import dev.netchat.metrics.NetChatMetrics;
import dev.netchat.presence.LocalSockets;
import dev.netchat.presence.OnlineUsers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one registry of this node's open sockets, by user. Tells the presence announcer when a user's first socket
 * here opened or their last one closed; cluster-wide presence is built from that (see {@link OnlineUsers}).
 */
@ApplicationScoped
public class ConnectionRegistry implements LocalSockets {

    private final ConcurrentMap<String, Set<Connection>> byUser = new ConcurrentHashMap<>();

    @Inject
    PresenceAnnouncer announcer;

    @Inject
    OnlineUsers onlineUsers;

    @Inject
    NetChatMetrics metrics;

    private Connection.Listener listener = Connection.Listener.NONE;

    @PostConstruct
    void attach() {
        onlineUsers.attach(this);
        metrics.gauge(
                "netchat.ws.queued.frames",
                "Frames waiting in the outbound queues of this node's sockets",
                this::queuedFrames);
        metrics.gauge(
                "netchat.ws.queue.depth.max",
                "The longest outbound queue of one socket on this node (frames)",
                this::maxQueueDepth);
        NetChatMetrics m = metrics;
        listener = new Connection.Listener() {
            @Override
            public void delivered() {
                m.frameDelivered();
            }

            @Override
            public void closedTooSlow() {
                m.slowClientClosed();
            }
        };
    }

    /** What a new connection reports to the metrics. */
    Connection.Listener listener() {
        return listener;
    }

    private int queuedFrames() {
        return byUser.values().stream()
                .flatMap(Set::stream)
                .mapToInt(Connection::queued)
                .sum();
    }

    private int maxQueueDepth() {
        return byUser.values().stream()
                .flatMap(Set::stream)
                .mapToInt(Connection::queued)
                .max()
                .orElse(0);
    }

    @PreDestroy
    void closeAll() {
        byUser.values()
                .forEach(set -> set.forEach(c -> c.close(new CloseReason(
                        CloseReason.CloseCodes.GOING_AWAY, "Server shutting down; reconnect and resume"))));
    }

    void opened(Connection connection) {
        boolean[] first = {false};
        byUser.compute(connection.userId(), (k, set) -> {
            Set<Connection> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            first[0] = s.isEmpty();
            s.add(connection);
            return s;
        });
        if (first[0]) {
            announcer.record(connection.userId(), true);
        }
    }

    void closed(Connection connection) {
        boolean[] last = {false};
        byUser.computeIfPresent(connection.userId(), (k, set) -> {
            if (set.remove(connection) && set.isEmpty()) {
                last[0] = true;
                return null;
            }
            return set.isEmpty() ? null : set;
        });
        if (last[0]) {
            announcer.record(connection.userId(), false);
        }
    }

    Set<Connection> connectionsOf(String userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    Set<String> users() {
        return Set.copyOf(byUser.keySet());
    }

    @Override
    public boolean hasSockets(String userId) {
        return byUser.containsKey(userId);
    }

    @Override
    public int openSockets() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }
}
