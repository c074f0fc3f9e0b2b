package dev.netchat.web.realtime;

import dev.netchat.event.Delivery;
import dev.netchat.event.LocalDelivery;
import dev.netchat.event.RealtimeSink;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.Set;

/**
 * Where the bus meets this node's sockets: takes each delivery the node's bus listener received and hands its
 * frame, serialised once, to the connections of its recipients on this node, with no query per receiver and no
 * waiting. Channel events go through the per-channel {@link ChannelSequencer}; sockets are kept by the
 * {@link ConnectionRegistry}; presence is announced by the {@link PresenceAnnouncer}.
 */
@ApplicationScoped
public class ChatHub implements RealtimeSink {

    @Inject
    LocalDelivery delivery;

    @Inject
    ConnectionRegistry registry;

    @Inject
    ChannelSequencer sequencer;

    /** Registers with the bus listener as soon as the application starts, before the first socket opens. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Touching the bean is enough: @PostConstruct does the work.
    }

    @PostConstruct
    void register() {
        delivery.register(this);
    }

    @PreDestroy
    void unregister() {
        delivery.unregister(this);
    }

    void opened(Connection connection) {
        registry.opened(connection);
    }

    void closed(Connection connection) {
        registry.closed(connection);
    }

    Set<Connection> connectionsOf(String userId) {
        return registry.connectionsOf(userId);
    }

    public int openSockets() {
        return registry.openSockets();
    }

    @Override
    public void deliver(Delivery d) {
        switch (d.kind()) {
            case CHANNEL -> sequencer.accept(d);
            case USERS -> {
                for (String userId : d.recipients()) {
                    for (Connection c : registry.connectionsOf(userId)) {
                        if (d.exceptSessionId() == null || !d.exceptSessionId().equals(c.sessionId())) {
                            c.send(d.frame());
                        }
                    }
                }
            }
            case PRESENCE -> {
                for (String userId : d.recipients()) {
                    registry.connectionsOf(userId).forEach(c -> c.presence(d.userId(), d.frame()));
                }
            }
            case SESSIONS_ENDED -> sessionsEnded(d);
            case ACCOUNT_CHANGED -> {
                // Caches are dropped by their own observers; sockets of a disabled user close by SESSIONS_ENDED.
            }
        }
    }

    private void sessionsEnded(Delivery d) {
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Session ended: " + d.reason());
        for (Connection c : registry.connectionsOf(d.userId())) {
            boolean match = d.sessionId() != null
                    ? d.sessionId().equals(c.sessionId())
                    : d.keepSessionId() == null || !d.keepSessionId().equals(c.sessionId());
            if (match) {
                c.close(reason);
            }
        }
    }
}
