package dev.netchat.web.realtime;

import dev.netchat.event.RealtimeBus;
import dev.netchat.presence.DeadNodeUsers;
import dev.netchat.presence.PresenceChanged;
import dev.netchat.presence.PresenceService;
import dev.netchat.shared.Times;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Announces presence, cluster-wide. Sockets opening and closing only record the user's state on this node; every
 * round writes this node's share to the database (so every node can tell who is online anywhere) and publishes,
 * on the bus, a change only when it is one for the whole cluster: a user's first socket here is no news when
 * another node holds one of theirs, nor is their last socket here closing.
 */
@ApplicationScoped
public class PresenceAnnouncer {

    private static final Logger LOG = Logger.getLogger(PresenceAnnouncer.class.getName());
    /**
     * How often presence changes are announced. Collecting them for a moment turns a burst of sockets opening
     * (a restart, a morning) into one query and one frame per changed user, and hides users who only flap.
     */
    static final long PRESENCE_ROUND_MILLIS = 500;
    /** Well inside PresenceRepository.LIVE_SECONDS: a live node is never taken for dead. */
    static final long HEARTBEAT_SECONDS = 5;
    /**
     * How often this node looks for dead nodes (heartbeat older than PresenceRepository.LIVE_SECONDS). A node killed
     * at t last beat at t-5 s at worst, is stale from t+10..t+15 s, and its users are announced offline by
     * t+17 s at the latest.
     */
    static final long DEAD_NODE_SWEEP_SECONDS = 2;

    /** This node, in the presence tables: new at every start, so a restarted node never inherits stale rows. */
    final String nodeId = UUID.randomUUID().toString();

    private final PresenceChanges changes = new PresenceChanges();

    @EJB
    PresenceService presenceService;

    @Inject
    RealtimeBus bus;

    @Inject
    ConnectionRegistry registry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> rounds;
    private ScheduledFuture<?> heartbeats;
    private ScheduledFuture<?> sweeps;
    private volatile boolean beating;

    @PostConstruct
    void start() {
        rounds = scheduler.scheduleWithFixedDelay(
                this::round, PRESENCE_ROUND_MILLIS, PRESENCE_ROUND_MILLIS, TimeUnit.MILLISECONDS);
        heartbeats = scheduler.scheduleWithFixedDelay(this::heartbeat, 0, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        sweeps = scheduler.scheduleWithFixedDelay(
                this::sweep, DEAD_NODE_SWEEP_SECONDS, DEAD_NODE_SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.cancel(false);
        heartbeats.cancel(false);
        sweeps.cancel(false);
        try {
            presenceService.forgetNode(nodeId);
        } catch (RuntimeException e) {
            // The database may be gone already; the heartbeat going stale does the same a little later.
        }
    }

    void record(String userId, boolean online) {
        changes.record(userId, online);
    }

    private void heartbeat() {
        try {
            boolean known = presenceService.heartbeat(nodeId);
            if (!known && beating) {
                // This node stalled so long that another one took it for dead and removed its rows (and announced
                // its users offline): write every user it holds sockets of again, in the next round.
                Set<String> users = registry.users();
                LOG.warning(() -> "This node was taken for dead; recording its " + users.size() + " user(s) again");
                users.forEach(u -> changes.record(u, true));
            }
            beating = true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Presence heartbeat failed: " + e);
        }
    }

    /**
     * Announces offline the users of nodes that died without saying so (SIGKILL, power, network): their sockets
     * are gone, and nobody else would tell their co-members. Exactly one live node claims each dead node
     * (PresenceService.claimDeadNodes), so each such user is announced once.
     */
    private void sweep() {
        try {
            for (DeadNodeUsers dead : presenceService.claimDeadNodes(nodeId)) {
                if (dead.offline().isEmpty()) {
                    continue;
                }
                LOG.info(() -> "A node silent since " + dead.lastSeen() + " is taken for dead; announcing "
                        + dead.offline().size() + " of its user(s) offline");
                Map<String, Set<String>> coMembers =
                        coMembers(dead.offline(), presenceService.membersOfSmallChannelsOf(dead.offline()));
                String lastActive = Times.iso(dead.lastSeen());
                for (String userId : dead.offline()) {
                    if (registry.hasSockets(userId)) {
                        continue; // reconnected here a moment ago: the next round writes it, nothing went offline
                    }
                    Set<String> to = coMembers.getOrDefault(userId, Set.of());
                    if (!to.isEmpty()) {
                        bus.presence(
                                userId,
                                new PresenceChanged(new PresenceChanged.Presence(userId, false, lastActive)),
                                to);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Dead-node sweep failed: " + e);
        }
    }

    /** A periodic task that throws is never run again: one bad round must not end presence. */
    private void round() {
        try {
            announce();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Presence round failed: " + e);
        }
    }

    /**
     * One round: records the last activity of every user who came or went (one UPDATE), this node's sockets, and
     * publishes each cluster-wide change once, to the co-members of the user's small channels (big rooms are left
     * out, netchat.presence.max-channel-members: there presence would cost members² frames). Runs on one thread.
     */
    void announce() {
        PresenceChanges.Round round = changes.drain();
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
        Set<String> changed = new HashSet<>();
        round.changes().forEach(c -> changed.add(c.userId()));
        Map<String, Set<String>> membersByChannel;
        Set<String> elsewhere;
        try {
            presenceService.recordSockets(nodeId, round.active());
            if (changed.isEmpty()) {
                return;
            }
            elsewhere = presenceService.onlineOnOtherNodes(nodeId, changed);
            membersByChannel = presenceService.membersOfSmallChannelsOf(changed);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Presence of " + round.changes().size() + " user(s) not announced yet: " + e);
            changes.restore(round);
            return;
        }
        Map<String, Set<String>> coMembers = coMembers(changed, membersByChannel);
        String lastActive = Times.iso(now);
        for (PresenceChanges.Change change : round.changes()) {
            if (elsewhere.contains(change.userId())) {
                continue; // online on another node: nothing changed for the cluster
            }
            Set<String> to = coMembers.getOrDefault(change.userId(), Set.of());
            if (!to.isEmpty()) {
                bus.presence(
                        change.userId(),
                        new PresenceChanged(new PresenceChanged.Presence(change.userId(), change.online(), lastActive)),
                        to);
            }
        }
        changes.announced(round);
    }

    /** changed user -> the other members of their small channels (each node hands the frame to its own sockets). */
    private static Map<String, Set<String>> coMembers(Set<String> changed, Map<String, Set<String>> membersByChannel) {
        Map<String, Set<String>> result = new HashMap<>();
        for (Set<String> members : membersByChannel.values()) {
            for (String user : members) {
                if (changed.contains(user)) {
                    Set<String> others = result.computeIfAbsent(user, k -> new HashSet<>());
                    for (String o : members) {
                        if (!o.equals(user)) {
                            others.add(o);
                        }
                    }
                }
            }
        }
        return result;
    }
}
