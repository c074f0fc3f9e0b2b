package dev.netchat.web.realtime;

import dev.netchat.event.ChannelEventRecorded;
import dev.netchat.event.EphemeralEventRecorded;
import dev.netchat.event.EventRelay;
import dev.netchat.event.RealtimeSink;
import dev.netchat.event.ReplayService;
import dev.netchat.event.SessionsEnded;
import dev.netchat.event.StoredChannelEvent;
import dev.netchat.presence.PresenceRegistry;
import dev.netchat.presence.PresenceService;
import dev.netchat.shared.Times;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The shared state of real time on this node: open connections by user, and the per-channel ordering of
 * events. Receives committed events from the services' seam ({@link EventRelay}) and hands each to the
 * connections of its recipients: one serialised frame for all, no query per receiver, no waiting.
 */
@ApplicationScoped
public class ChatHub implements RealtimeSink {

    private static final Logger LOG = Logger.getLogger(ChatHub.class.getName());
    /** How long a later event waits for an earlier one before the hub reads the gap from the log. */
    private static final long ORDER_PATIENCE_MILLIS = 500;
    /** Events committed this recently before a channel's first announcement may still be on their way. */
    private static final java.time.Duration RECENT_WINDOW = java.time.Duration.ofSeconds(5);
    /**
     * How often presence changes are announced. Collecting them for a moment turns a burst of sockets opening
     * (a restart, a morning) into one query and one frame per changed user, and hides users who only flap.
     */
    static final long PRESENCE_ROUND_MILLIS = 500;

    private final ConcurrentMap<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ChannelOrder> orders = new ConcurrentHashMap<>();
    private final PresenceChanges presenceChanges = new PresenceChanges();

    @Inject
    EventRelay relay;

    @Inject
    PresenceRegistry presence;

    @EJB
    PresenceService presenceService;

    @EJB
    ReplayService replayService;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> gapChecker;
    private ScheduledFuture<?> presenceRounds;

    /** Registers with the seam as soon as the application starts, before the first socket opens. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // Touching the bean is enough: @PostConstruct does the work.
    }

    @PostConstruct
    void register() {
        relay.register(this);
        gapChecker = scheduler.scheduleWithFixedDelay(this::fillOverdueGaps, 250, 250, TimeUnit.MILLISECONDS);
        presenceRounds = scheduler.scheduleWithFixedDelay(this::presenceRound, PRESENCE_ROUND_MILLIS, PRESENCE_ROUND_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void unregister() {
        relay.unregister(this);
        if (gapChecker != null) {
            gapChecker.cancel(false);
        }
        if (presenceRounds != null) {
            presenceRounds.cancel(false);
        }
        byUser.values().forEach(set -> set.forEach(c -> c.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY,
                "Server shutting down; reconnect and resume"))));
    }

    // ----- connections -----------------------------------------------------------------------------------

    void opened(Connection connection) {
        byUser.computeIfAbsent(connection.userId(), k -> ConcurrentHashMap.newKeySet()).add(connection);
        if (presence.connected(connection.userId())) {
            presenceChanges.record(connection.userId(), true);
        }
    }

    void closed(Connection connection) {
        boolean removed = false;
        Set<Connection> set = byUser.get(connection.userId());
        if (set != null) {
            removed = set.remove(connection);
            byUser.computeIfPresent(connection.userId(), (k, s) -> s.isEmpty() ? null : s);
        }
        if (removed && presence.disconnected(connection.userId())) {
            presenceChanges.record(connection.userId(), false);
        }
    }

    public int openSockets() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    /** Closes every socket of the user, for example when an admin disables the account. */
    public void closeUser(String userId, CloseReason reason) {
        Set<Connection> set = byUser.get(userId);
        if (set != null) {
            set.forEach(c -> c.close(reason));
        }
    }

    Set<Connection> connectionsOf(String userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    /** A periodic task that throws is never run again: one bad round must not end presence. */
    private void presenceRound() {
        try {
            announcePresence();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Presence round failed: " + e);
        }
    }

    /**
     * One presence round: records the last activity of every user who came or went (one UPDATE, not a
     * transaction per socket), reads the members of their small channels with one query, and hands each changed
     * user's frame, serialised once, to the connections of co-members online on this node. Big rooms are left out
     * (netchat.presence.max-channel-members): there presence would cost members² frames. Runs on one thread.
     */
    void announcePresence() {
        PresenceChanges.Round round = presenceChanges.drain();
        if (round.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        try {
            presenceService.recordActivity(round.active().keySet(), now);
        } catch (RuntimeException e) {
            // Last activity is a hint; presence itself must still go out.
            LOG.warning(() -> "Last activity of " + round.active().size() + " user(s) not recorded: " + e);
        }
        if (round.changes().isEmpty()) {
            return;
        }
        Set<String> changed = new HashSet<>();
        round.changes().forEach(c -> changed.add(c.userId()));
        Map<String, Set<String>> membersByChannel;
        try {
            membersByChannel = presenceService.membersOfSmallChannelsOf(changed);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Presence of " + round.changes().size() + " user(s) not announced yet: " + e);
            presenceChanges.restore(round);
            return;
        }
        Map<String, Set<String>> onlineCoMembers = onlineCoMembers(changed, membersByChannel);
        String lastActive = Times.iso(now);
        for (PresenceChanges.Change change : round.changes()) {
            String frame = Frames.presence(change.userId(), change.online(), lastActive);
            for (String other : onlineCoMembers.getOrDefault(change.userId(), Set.of())) {
                connectionsOf(other).forEach(c -> c.presence(change.userId(), frame));
            }
        }
        presenceChanges.announced(round);
    }

    /** changed user -> the other users online here who share a small channel with them (offline members need no frame). */
    private Map<String, Set<String>> onlineCoMembers(Set<String> changed, Map<String, Set<String>> membersByChannel) {
        Map<String, Set<String>> result = new HashMap<>();
        for (Set<String> members : membersByChannel.values()) {
            List<String> changedHere = members.stream().filter(changed::contains).toList();
            if (changedHere.isEmpty()) {
                continue;
            }
            List<String> online = members.stream().filter(byUser::containsKey).toList();
            for (String user : changedHere) {
                Set<String> others = result.computeIfAbsent(user, k -> new HashSet<>());
                for (String o : online) {
                    if (!o.equals(user)) {
                        others.add(o);
                    }
                }
            }
        }
        return result;
    }

    // ----- the seam --------------------------------------------------------------------------------------

    @Override
    public void channelEvent(ChannelEventRecorded event) {
        ChannelOrder order = orders.computeIfAbsent(event.channelId(), k -> new ChannelOrder());
        // Dispatch while holding the channel's order: otherwise a thread that took 8 after another took 7 could
        // hand 8 to the sockets first. Dispatching only enqueues, so the lock is held briefly.
        synchronized (order) {
            if (!order.started()) {
                start(order, event);
            }
            dispatch(order.accept(event, System.currentTimeMillis()));
        }
    }

    @Override
    public void ephemeralEvent(EphemeralEventRecorded event) {
        for (String userId : event.userIds()) {
            for (Connection c : connectionsOf(userId)) {
                if (event.exceptSessionId() == null || !event.exceptSessionId().equals(c.sessionId())) {
                    c.send(event.json());
                }
            }
        }
    }

    @Override
    public void sessionsEnded(SessionsEnded event) {
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Session ended: " + event.reason());
        for (Connection c : connectionsOf(event.userId())) {
            boolean match = event.sessionId() != null
                    ? event.sessionId().equals(c.sessionId())
                    : event.keepSessionId() == null || !event.keepSessionId().equals(c.sessionId());
            if (match) {
                c.close(reason);
            }
        }
    }

    /**
     * The first event of a channel this hub sees need not be the channel's next one: an earlier event committed
     * a moment before may still be on its way. Events committed just now are read from the log and go first;
     * older ones were delivered before this hub knew the channel, or are in the history clients fetch.
     */
    private void start(ChannelOrder order, ChannelEventRecorded first) {
        if (first.seq() <= 1) {
            order.startAt(first.seq());
            return;
        }
        try {
            List<StoredChannelEvent> recent = replayService.recentBefore(first.channelId(), first.seq(), RECENT_WINDOW);
            order.startAt(recent.isEmpty() ? first.seq() : recent.get(0).getSeq());
            dispatch(order.fill(recent.stream()
                    .map(e -> new ChannelEventRecorded(first.channelId(), e.getSeq(), e.getType(), e.getPayload(), first.recipientIds()))
                    .toList()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not read the recent events of channel " + first.channelId() + ": " + e);
            order.startAt(first.seq());
        }
    }

    private void dispatch(List<ChannelEventRecorded> ready) {
        for (ChannelEventRecorded event : ready) {
            for (String userId : event.recipientIds()) {
                for (Connection c : connectionsOf(userId)) {
                    c.channelEvent(event);
                }
            }
        }
    }

    /** A gap that outlived the patience: the earlier event committed but its announcement is lost or late. */
    private void fillOverdueGaps() {
        long now = System.currentTimeMillis();
        orders.forEach((channelId, order) -> {
            long[] gap = order.overdueGap(now, ORDER_PATIENCE_MILLIS);
            if (gap == null) {
                return;
            }
            try {
                List<StoredChannelEvent> stored = replayService.range(channelId, gap[0], gap[1]);
                List<String> recipients = presenceService.memberIds(channelId);
                var loaded = stored.stream()
                        .map(e -> new ChannelEventRecorded(channelId, e.getSeq(), e.getType(), e.getPayload(), recipients))
                        .toList();
                synchronized (order) {
                    dispatch(order.fill(loaded));
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "Could not fill the event gap " + gap[0] + ".." + gap[1] + " of channel " + channelId + ": " + e);
            }
        });
    }
}
