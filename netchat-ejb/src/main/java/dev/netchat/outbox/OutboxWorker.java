package dev.netchat.outbox;

import dev.netchat.shared.ServerNodeName;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Does the outbox's work: wakes after every commit that wrote an entry and polls once a second for retries
 * and delayed SMS. Every entry is claimed (a lease, so a crash only delays it), done outside any transaction,
 * then marked sent exactly once, retried with exponential back-off, or given up with the reason kept for
 * admins. Each provider has its own lane (SMS, Stream), drained on its own thread, so a provider that hangs
 * until its timeout delays only its own lane; within a lane, after a success the next entry of the same key
 * goes at once (a backlog drains at the provider's pace, not the poll's). Finished entries and webhook
 * receipts are removed after the retention period. Only runs when an integration is configured; nothing it
 * does ever blocks a request.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private static final int BATCH = 50;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxRepository store;

    @Inject
    @Any
    Instance<OutboxHandler> handlers;

    @Inject
    @ConfigProperty(name = "netchat.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "netchat.outbox.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "netchat.outbox.retry-delay", defaultValue = "PT2S")
    Duration firstRetryDelay;

    @Inject
    @ConfigProperty(name = "netchat.outbox.max-retry-delay", defaultValue = "PT5M")
    Duration maxRetryDelay;

    /** How long a claim holds an entry; longer than any outside call may take (their timeouts are 10-15 s). */
    @Inject
    @ConfigProperty(name = "netchat.outbox.lease", defaultValue = "PT60S")
    Duration lease;

    /** How long sent and failed entries (and webhook receipts) are kept, for admins and replay protection. */
    @Inject
    @ConfigProperty(name = "netchat.outbox.retention", defaultValue = "P30D")
    Duration retention;

    @Inject
    @ConfigProperty(name = "netchat.outbox.purge-interval", defaultValue = "PT1H")
    Duration purgeInterval;

    /** One lane per provider (its kinds' prefix): one drain at a time per lane and node. */
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    /** Whose claims this worker takes: the node's name, stable across its restarts. */
    private final String node = ServerNodeName.get();

    private volatile ScheduledFuture<?> poller;
    private volatile ScheduledFuture<?> purger;
    private volatile boolean stopped;

    /** Called once at start (see {@link OutboxStarter}); does nothing when no integration is configured. */
    public void start() {
        List<OutboxHandler> enabled =
                handlers.stream().filter(OutboxHandler::enabled).toList();
        if (enabled.isEmpty()) {
            LOG.info("No integration is configured (Twilio, Stream): the outbox worker does not run.");
            return;
        }
        enabled.forEach(h -> lanes.put(h.kindPrefix(), new Lane(h.kindPrefix())));
        releaseClaimsOfPreviousLife();
        long millis = Math.max(100, pollInterval.toMillis());
        poller = executor.scheduleWithFixedDelay(this::wakeLanes, millis, millis, TimeUnit.MILLISECONDS);
        long purgeMillis = Math.max(1000, purgeInterval.toMillis());
        purger = executor.scheduleWithFixedDelay(this::purge, purgeMillis, purgeMillis, TimeUnit.MILLISECONDS);
        LOG.info("Outbox worker started for "
                + enabled.stream()
                        .map(h -> h.getClass().getSimpleName().replaceAll("\\$.*", ""))
                        .toList() + ", polling every " + millis + " ms");
    }

    /** After a crash, what this node was sending is due again now, not when its lease runs out. */
    private void releaseClaimsOfPreviousLife() {
        try {
            int released = store.releaseClaimsOf(node);
            if (released > 0) {
                LOG.info(
                        () -> "Released " + released + " outbox entries this node (" + node + ") held when it stopped");
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not release this node''s earlier outbox claims (their lease still ends them): {0}",
                    e.toString());
        }
    }

    public boolean running() {
        return poller != null && !stopped;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (poller != null) {
            poller.cancel(false);
        }
        if (purger != null) {
            purger.cancel(false);
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (running()) {
            wakeLanes();
        }
    }

    /** Asks every lane to drain, each on a thread of its own (a lane already draining goes round once more). */
    private void wakeLanes() {
        for (Lane lane : lanes.values()) {
            try {
                executor.execute(() -> drain(lane));
            } catch (RuntimeException e) {
                // Shutting down or saturated: the next poll will find the entry.
            }
        }
    }

    /** Does everything due now in one lane; one drain at a time per lane (one asked for meanwhile runs right after). */
    private void drain(Lane lane) {
        if (!lane.draining.tryLock()) {
            lane.again.set(true);
            return;
        }
        try {
            do {
                lane.again.set(false);
                drainOnce(lane.kindPrefix);
            } while (lane.again.get() && !stopped);
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll tries again.
            LOG.log(Level.WARNING, "The outbox worker could not read the outbox: {0}", e.toString());
        } finally {
            lane.draining.unlock();
        }
    }

    /**
     * Goes through the lane's due entries until none is left that can go now: after an entry finished, the next
     * entry of its key is due at once and is found by the next round (not a poll later).
     */
    private void drainOnce(String kindPrefix) {
        boolean again;
        do {
            List<OutboxEntry> due = store.due(kindPrefix, BATCH);
            Set<String> blocked = new HashSet<>();
            boolean finishedAny = false;
            for (OutboxEntry candidate : due) {
                if (stopped) {
                    return;
                }
                if (blocked.contains(candidate.getOrderingKey())) {
                    continue;
                }
                if (process(candidate.getId())) {
                    finishedAny = true;
                } else {
                    // Not done (retry later, or taken elsewhere): later entries of its key must wait.
                    blocked.add(candidate.getOrderingKey());
                }
            }
            again = finishedAny || due.size() == BATCH;
        } while (again && !stopped);
    }

    private void purge() {
        try {
            int removed = store.purgeBefore(Instant.now().minus(retention));
            if (removed > 0) {
                LOG.info(() ->
                        "Removed " + removed + " finished outbox entries and webhook receipts older than " + retention);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The outbox retention could not run: {0}", e.toString());
        }
    }

    /** A provider's lane: its kinds' prefix and its drain lock. */
    private static final class Lane {
        final String kindPrefix;
        final ReentrantLock draining = new ReentrantLock();
        final AtomicBoolean again = new AtomicBoolean();

        Lane(String kindPrefix) {
            this.kindPrefix = kindPrefix;
        }
    }

    /** True when the entry is finished (sent or given up), so its key's next entry may follow. */
    private boolean process(long id) {
        Optional<OutboxEntry> claimed = store.claim(id, lease, node);
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxEntry entry = claimed.get();
        OutboxHandler handler = handlers.stream()
                .filter(h -> h.enabled() && h.handles(entry.getKind()))
                .findFirst()
                .orElse(null);
        if (handler == null) {
            // Written while the integration was on, and it is off now: keep it until it is configured again.
            store.markRetry(
                    id,
                    "The " + entry.getKind() + " integration is not configured.",
                    Instant.now().plus(maxRetryDelay));
            return false;
        }
        OutboxHandler.Outcome outcome;
        try {
            outcome = handler.deliver(entry);
        } catch (RuntimeException e) {
            outcome = new OutboxHandler.Outcome.Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (outcome instanceof OutboxHandler.Outcome.Done done) {
            store.markSent(id, done.externalId());
            return true;
        }
        if (outcome instanceof OutboxHandler.Outcome.GiveUp giveUp) {
            LOG.warning("Outbox entry " + id + " (" + entry.getKind() + ") failed for good: " + giveUp.reason());
            store.markFailed(id, giveUp.reason());
            return true;
        }
        String reason = ((OutboxHandler.Outcome.Retry) outcome).reason();
        if (entry.getAttempts() >= maxAttempts) {
            LOG.warning("Outbox entry " + id + " (" + entry.getKind() + ") failed " + entry.getAttempts()
                    + " times, giving up: " + reason);
            store.markFailed(id, "Gave up after " + entry.getAttempts() + " attempts: " + reason);
            return true;
        }
        Duration delay = backoff(entry.getAttempts());
        LOG.warning("Outbox entry " + id + " (" + entry.getKind() + ") failed (attempt " + entry.getAttempts()
                + "), retrying in " + delay.toMillis() + " ms: " + reason);
        store.markRetry(id, reason, Instant.now().plus(delay));
        return false;
    }

    /** 2 s, 4 s, 8 s, ... up to the maximum. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration delay = firstRetryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
