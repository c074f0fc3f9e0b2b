package dev.netchat.outbox;

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
import java.util.Optional;
import java.util.Set;
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
 * admins. Only runs when an integration is configured; nothing it does ever blocks a request.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    private static final int BATCH = 50;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxStore store;

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

    private final ReentrantLock draining = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile ScheduledFuture<?> poller;
    private volatile boolean stopped;

    /** Called once at start (see {@link OutboxStarter}); does nothing when no integration is configured. */
    public void start() {
        List<OutboxHandler> enabled = handlers.stream().filter(OutboxHandler::enabled).toList();
        if (enabled.isEmpty()) {
            LOG.info("No integration is configured (Twilio, Stream): the outbox worker does not run.");
            return;
        }
        long millis = Math.max(100, pollInterval.toMillis());
        poller = executor.scheduleWithFixedDelay(this::drain, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("Outbox worker started for " + enabled.stream().map(h -> h.getClass().getSimpleName()
                .replaceAll("\\$.*", "")).toList() + ", polling every " + millis + " ms");
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
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        if (running()) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                // Shutting down or saturated: the poller will find the entry.
            }
        }
    }

    /** Does everything due now; one drain at a time per node (a drain asked for meanwhile runs right after). */
    void drain() {
        if (!draining.tryLock()) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                drainOnce();
            } while (again.get() && !stopped);
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next poll tries again.
            LOG.log(Level.WARNING, "The outbox worker could not read the outbox: {0}", e.toString());
        } finally {
            draining.unlock();
        }
    }

    private void drainOnce() {
        List<OutboxEntry> due;
        do {
            due = store.due(BATCH);
            Set<String> blocked = new HashSet<>();
            for (OutboxEntry candidate : due) {
                if (stopped) {
                    return;
                }
                if (blocked.contains(candidate.getOrderingKey())) {
                    continue;
                }
                if (!process(candidate.getId())) {
                    // Not done (retry later, or taken elsewhere): later entries of its key must wait.
                    blocked.add(candidate.getOrderingKey());
                }
            }
        } while (due.size() == BATCH && !stopped);
    }

    /** True when the entry is finished (sent or given up), so its key's next entry may follow. */
    private boolean process(long id) {
        Optional<OutboxEntry> claimed = store.claim(id, lease);
        if (claimed.isEmpty()) {
            return false;
        }
        OutboxEntry entry = claimed.get();
        OutboxHandler handler = handlers.stream().filter(h -> h.enabled() && h.handles(entry.getKind())).findFirst().orElse(null);
        if (handler == null) {
            // Written while the integration was on, and it is off now: keep it until it is configured again.
            store.markRetry(id, "The " + entry.getKind() + " integration is not configured.", Instant.now().plus(maxRetryDelay));
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
