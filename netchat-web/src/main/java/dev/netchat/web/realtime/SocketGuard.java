package dev.netchat.web.realtime;

import dev.netchat.auth.SessionStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits on the sockets of this node, apart from the delivery path: at most so many open sockets per user
 * (the excess is closed at once with 1008 and a reason saying so), and no socket outliving its sign-in session.
 * Sessions end in the database (logout, password change, a reused refresh token, an admin), on any node; a
 * sweep reads which of the sessions behind open sockets are still alive every couple of seconds and closes the
 * others, so an ended session loses its sockets on every node without a message between nodes.
 */
@ApplicationScoped
public class SocketGuard {

    private static final Logger LOG = Logger.getLogger(SocketGuard.class.getName());
    static final String SESSION_ENDED = "Session ended";

    /** An open socket and whose it is. */
    private record Holder(String userId, String sessionId) {}

    private final ConcurrentMap<Session, Holder> open = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    @Inject
    SessionStatus sessions;

    @Inject
    dev.netchat.metrics.NetChatMetrics metrics;

    @Inject
    @ConfigProperty(name = "netchat.ws.max-sockets-per-user", defaultValue = "20")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "netchat.ws.session-sweep-interval", defaultValue = "PT2S")
    Duration sweepInterval;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeper;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Touching the bean starts the sweep.
    }

    @PostConstruct
    void startSweeping() {
        metrics.gauge("netchat.sockets.open", "WebSockets open on this node", open::size);
        long millis = Math.max(200, sweepInterval.toMillis());
        sweeper = scheduler.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopSweeping() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
    }

    /** Counts the socket in, or closes it with 1008 when its user already has the maximum open here. */
    public boolean admit(Session session, String userId, String sessionId) {
        AtomicInteger count = perUser.computeIfAbsent(userId, k -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerUser) {
            count.decrementAndGet();
            metrics.socketRefused();
            close(
                    session,
                    new CloseReason(
                            CloseReason.CloseCodes.VIOLATED_POLICY,
                            "Too many connections: at most " + maxPerUser + " per user"));
            return false;
        }
        open.put(session, new Holder(userId, sessionId));
        return true;
    }

    /** Forgets a closed socket (idempotent). */
    public void release(Session session) {
        Holder h = open.remove(session);
        if (h != null) {
            perUser.computeIfPresent(h.userId(), (k, c) -> c.decrementAndGet() <= 0 ? null : c);
        }
    }

    /** Closes the sockets whose session has ended; a database that does not answer closes nothing. */
    void sweep() {
        try {
            if (open.isEmpty()) {
                return;
            }
            Set<String> ids = ConcurrentHashMap.newKeySet();
            open.values().forEach(h -> ids.add(h.sessionId() == null ? "" : h.sessionId()));
            ids.remove("");
            Set<String> alive = sessions.activeAmong(ids);
            Set<String> ended = new java.util.HashSet<>(ids);
            ended.removeAll(alive);
            if (!ended.isEmpty()) {
                // Closing is final: ask once more, so a transient answer never closes a live session's socket.
                ended.removeAll(sessions.activeAmong(ended));
            }
            CloseReason reason = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, SESSION_ENDED);
            for (Map.Entry<Session, Holder> e : open.entrySet()) {
                Holder h = e.getValue();
                if (h.sessionId() == null || ended.contains(h.sessionId())) {
                    LOG.info(() -> "Closing a socket of user " + h.userId() + ": session " + h.sessionId() + " ended");
                    release(e.getKey());
                    metrics.socketRefused();
                    close(e.getKey(), reason);
                }
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Session sweep skipped: " + e);
        }
    }

    private static void close(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }
}
