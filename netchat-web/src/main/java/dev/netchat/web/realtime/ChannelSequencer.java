package dev.netchat.web.realtime;

import dev.netchat.event.Delivery;
import dev.netchat.event.ReplayService;
import dev.netchat.event.StoredFrame;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Puts each channel's events in seq order on this node before they reach any socket, and makes sure none is
 * missing for long: a gap is filled from the stored log after a moment, and so is an event that never came at all
 * (its node died between commit and publication, or the bus lost it): every second the node compares the last
 * seq of its recently active channels with the log and catches up on what it lacks.
 */
@ApplicationScoped
public class ChannelSequencer {

    private static final Logger LOG = Logger.getLogger(ChannelSequencer.class.getName());
    /** How long a later event waits for an earlier one before the gap is read from the log. */
    private static final long ORDER_PATIENCE_MILLIS = 500;
    /** Events committed this recently before a channel's first delivery here may still be on their way. */
    private static final Duration RECENT_WINDOW = Duration.ofSeconds(5);
    /** How often, and how patiently, the log's last seqs are compared with what was delivered here. */
    private static final long CATCH_UP_EVERY_MILLIS = 1000;

    private static final long CATCH_UP_PATIENCE_MILLIS = 1000;
    /** Channels without an event here for this long are not reconciled (they are idle). */
    private static final long ACTIVE_MILLIS = 10 * 60 * 1000;

    private final ConcurrentMap<String, ChannelOrder> orders = new ConcurrentHashMap<>();

    @Inject
    ConnectionRegistry registry;

    @EJB
    ReplayService replayService;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> gapChecker;
    private ScheduledFuture<?> catchUp;

    @PostConstruct
    void start() {
        gapChecker = scheduler.scheduleWithFixedDelay(this::fillOverdueGaps, 250, 250, TimeUnit.MILLISECONDS);
        catchUp = scheduler.scheduleWithFixedDelay(
                this::catchUp, CATCH_UP_EVERY_MILLIS, CATCH_UP_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        gapChecker.cancel(false);
        catchUp.cancel(false);
    }

    void accept(Delivery event) {
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

    /**
     * The first event of a channel this node sees need not be the channel's next one: an earlier event committed
     * a moment before may still be on its way. Events committed just now are read from the log and go first;
     * older ones were delivered before this node knew the channel, or are in the history clients fetch.
     */
    private void start(ChannelOrder order, Delivery first) {
        if (first.seq() <= 1) {
            order.startAt(first.seq());
            return;
        }
        try {
            List<StoredFrame> recent = replayService.recentBefore(first.channelId(), first.seq(), RECENT_WINDOW);
            order.startAt(recent.isEmpty() ? first.seq() : recent.get(0).seq());
            dispatch(order.fill(
                    recent.stream().map(e -> stored(e, first.recipients())).toList()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not read the recent events of channel " + first.channelId() + ": " + e);
            order.startAt(first.seq());
        }
    }

    private static Delivery stored(StoredFrame e, List<String> recipients) {
        return new Delivery(
                Delivery.Kind.CHANNEL, e.frame(), e.channelId(), e.seq(), recipients, null, null, null, null, null);
    }

    private void dispatch(List<Delivery> ready) {
        for (Delivery event : ready) {
            for (String userId : event.recipients()) {
                for (Connection c : registry.connectionsOf(userId)) {
                    c.channelEvent(event);
                }
            }
        }
    }

    /** A gap that outlived the patience: the earlier event committed but its delivery is lost or late. */
    private void fillOverdueGaps() {
        long now = System.currentTimeMillis();
        orders.forEach((channelId, order) -> {
            long[] gap = order.overdueGap(now, ORDER_PATIENCE_MILLIS);
            if (gap != null) {
                fill(channelId, order, gap);
            }
        });
    }

    /** Events the log has and this node never got (not even a later one that would show the gap). */
    private void catchUp() {
        try {
            long now = System.currentTimeMillis();
            List<String> active = orders.entrySet().stream()
                    .filter(e -> now - e.getValue().touchedAt() < ACTIVE_MILLIS)
                    .map(Map.Entry::getKey)
                    .toList();
            if (active.isEmpty()) {
                return;
            }
            Map<String, Long> lastSeqs = replayService.lastSeqs(active);
            lastSeqs.forEach((channelId, lastSeq) -> {
                ChannelOrder order = orders.get(channelId);
                long[] missing = order == null ? null : order.behind(lastSeq, now, CATCH_UP_PATIENCE_MILLIS);
                if (missing != null) {
                    LOG.info(() -> "Catching up on channel " + channelId + " events " + missing[0] + ".." + missing[1]
                            + " from the log");
                    fill(channelId, order, missing);
                }
            });
        } catch (RuntimeException e) {
            LOG.warning(() -> "Catch-up round failed: " + e);
        }
    }

    private void fill(String channelId, ChannelOrder order, long[] range) {
        try {
            List<StoredFrame> stored = replayService.range(channelId, range[0], range[1]);
            List<String> recipients = replayService.recipients(channelId);
            List<Delivery> loaded =
                    stored.stream().map(e -> stored(e, recipients)).toList();
            synchronized (order) {
                dispatch(order.fill(loaded));
            }
        } catch (RuntimeException e) {
            LOG.warning(() ->
                    "Could not fill the events " + range[0] + ".." + range[1] + " of channel " + channelId + ": " + e);
        }
    }
}
