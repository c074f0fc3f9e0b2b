package dev.netchat.web.realtime;

import dev.netchat.event.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts one channel's events back in seq order before they reach any socket. Transactions on a channel
 * commit in seq order (they hold the channel row's lock), but the threads that announce them after commit
 * may overtake each other; a later event waits here until the earlier ones have been dispatched.
 */
final class ChannelOrder {

    /** The seq expected next; 0 until the first event of the channel is seen. */
    private long next;

    private final TreeMap<Long, Delivery> waiting = new TreeMap<>();
    private long waitingSince;
    /** When this node last saw an event of the channel (only recently active channels are reconciled). */
    private long touchedAt;
    /** Since when the log's last seq is ahead of what was dispatched here, or 0. */
    private long behindSince;

    /** Accepts an event and answers those now ready to dispatch, in order (possibly none). */
    synchronized List<Delivery> accept(Delivery event, long now) {
        touchedAt = now;
        if (next == 0) {
            next = event.seq();
        }
        if (event.seq() < next) {
            return List.of();
        }
        waiting.put(event.seq(), event);
        List<Delivery> ready = drain();
        if (!waiting.isEmpty() && waitingSince == 0) {
            waitingSince = now;
        }
        return ready;
    }

    /** Whether this hub has seen any event of the channel yet. */
    synchronized boolean started() {
        return next != 0;
    }

    /** Sets the first seq to dispatch, before the first event is accepted. */
    synchronized void startAt(long seq) {
        if (next == 0) {
            next = seq;
        }
    }

    /** The range of missing seqs when something waited longer than {@code patienceMillis}, else null. */
    synchronized long[] overdueGap(long now, long patienceMillis) {
        if (waiting.isEmpty() || now - waitingSince < patienceMillis) {
            return null;
        }
        return new long[] {next, waiting.firstKey() - 1};
    }

    /** Fills a gap with events loaded from the log; answers what is now ready. */
    synchronized List<Delivery> fill(List<Delivery> loaded) {
        for (Delivery e : loaded) {
            if (e.seq() >= next) {
                waiting.putIfAbsent(e.seq(), e);
            }
        }
        List<Delivery> ready = drain();
        if (!waiting.isEmpty() && !waiting.containsKey(next)) {
            // Still missing (not in the log either): give up on it rather than hold the channel forever.
            next = waiting.firstKey();
            ready.addAll(drain());
        }
        return ready;
    }

    synchronized long touchedAt() {
        return touchedAt;
    }

    /**
     * Compares with the log's last seq: answers the missing range {next, lastSeq} once the log has been ahead of this
     * node for longer than {@code patienceMillis} (an event committed but never published: its node died in between,
     * or the bus dropped it), else null. A delivery merely in flight arrives within the patience and clears it.
     */
    synchronized long[] behind(long lastSeq, long now, long patienceMillis) {
        if (next == 0 || lastSeq < next) {
            behindSince = 0;
            return null;
        }
        if (behindSince == 0) {
            behindSince = now;
            return null;
        }
        return now - behindSince >= patienceMillis ? new long[] {next, lastSeq} : null;
    }

    private List<Delivery> drain() {
        List<Delivery> ready = new ArrayList<>();
        while (!waiting.isEmpty() && waiting.firstKey() == next) {
            ready.add(waiting.pollFirstEntry().getValue());
            next++;
        }
        waitingSince = waiting.isEmpty() ? 0 : waitingSince;
        return ready;
    }
}
