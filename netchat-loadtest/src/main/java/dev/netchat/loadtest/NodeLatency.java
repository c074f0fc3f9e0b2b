package dev.netchat.loadtest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Delivery latency split by path when the users are spread over several nodes ({@code --url=a,b}): same-node (the
 * sender posted to the node that holds the receiver's socket) and cross-node (the event crossed the cluster's bus
 * from one node to another). User i talks to node i mod n, as {@link NetChatTarget} spreads them. With one node
 * every delivery is same-node and nothing is recorded here (the overall latency says it all).
 */
public final class NodeLatency {

    private final int nodes;
    /** (room << 32 | ordinal) -> the sender's node; written before the post leaves, read on every delivery. */
    private final Map<Long, Integer> senderNode = new ConcurrentHashMap<>();

    private final Recorder same = new Recorder(3);
    private final Recorder cross = new Recorder(3);
    private final Object lock = new Object();
    private Histogram sameStep = LatencyStats.newHistogram();
    private Histogram crossStep = LatencyStats.newHistogram();
    private final Histogram sameTotal = LatencyStats.newHistogram();
    private final Histogram crossTotal = LatencyStats.newHistogram();
    private boolean counting;
    private long unknownSender;

    public NodeLatency(int nodes) {
        this.nodes = Math.max(1, nodes);
    }

    public boolean active() {
        return nodes > 1;
    }

    public int nodeOf(int user) {
        return user % nodes;
    }

    /** True when a message from {@code sender} reaches {@code receiver} through another node. */
    public boolean crossNode(int sender, int receiver) {
        return nodeOf(sender) != nodeOf(receiver);
    }

    /** Called before the post is sent. */
    public void posted(int room, int ordinal, int senderUser) {
        if (active()) {
            senderNode.put(key(room, ordinal), nodeOf(senderUser));
        }
    }

    /** A first delivery of (room, ordinal) to a socket of {@code receiverUser}, {@code micros} after it was sent. */
    public void delivered(int room, int ordinal, int receiverUser, long micros) {
        if (!active()) {
            return;
        }
        Integer from = senderNode.get(key(room, ordinal));
        if (from == null) {
            synchronized (lock) {
                unknownSender++;
            }
            return;
        }
        (from == nodeOf(receiverUser) ? same : cross).recordValue(Math.max(0, micros));
    }

    /** Starts a step; a warm-up step ({@code counting} false) is not added to the run's totals. */
    public void startStep(boolean counting) {
        synchronized (lock) {
            sameStep = LatencyStats.newHistogram();
            crossStep = LatencyStats.newHistogram();
            this.counting = counting;
        }
    }

    /** Moves what was recorded since the last call into the step (and the totals, unless warming up). */
    public void drain() {
        Histogram s = same.getIntervalHistogram();
        Histogram c = cross.getIntervalHistogram();
        synchronized (lock) {
            sameStep.add(s);
            crossStep.add(c);
            if (counting) {
                sameTotal.add(s);
                crossTotal.add(c);
            }
        }
    }

    /** {"sameNode": {...}, "crossNode": {...}} for the current step. */
    public Map<String, Object> stepReport() {
        synchronized (lock) {
            return report(sameStep, crossStep);
        }
    }

    /** The same for the whole run (warm-up excluded), plus the node count. */
    public Map<String, Object> totalReport() {
        synchronized (lock) {
            Map<String, Object> m = report(sameTotal, crossTotal);
            m.put("nodes", nodes);
            m.put("deliveriesOfUnknownSender", unknownSender);
            return m;
        }
    }

    private static Map<String, Object> report(Histogram sameNode, Histogram crossNode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sameNode", LatencyStats.of(sameNode).asMap());
        m.put("crossNode", LatencyStats.of(crossNode).asMap());
        return m;
    }

    private static long key(int room, int ordinal) {
        return ((long) room << 32) | (ordinal & 0xffffffffL);
    }
}
