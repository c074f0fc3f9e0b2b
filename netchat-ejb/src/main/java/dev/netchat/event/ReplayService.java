package dev.netchat.event;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Replays the event log to resuming sockets, and prunes it past the retention window. */
@Stateless
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class.getName());

    /** More missed events than this for one channel: refetching by REST is cheaper than replaying. */
    public static final int MAX_REPLAY_PER_CHANNEL = 5000;

    public static final int MAX_CHANNELS_PER_RESUME = 1000;

    @Inject
    ChannelEventLog log;

    @Inject
    ChannelMembership membership;

    @Inject
    @ConfigProperty(name = "netchat.chat.event-retention", defaultValue = "P7D")
    Duration retention;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Replay> replay(String userId, Map<String, Long> cursors) {
        List<Replay> out = new ArrayList<>();
        for (Map.Entry<String, Long> cursor : cursors.entrySet()) {
            String channelId = cursor.getKey();
            long after = Math.max(0, cursor.getValue());
            Long lastSeq = membership.lastSeqForMember(channelId, userId);
            if (lastSeq == null) {
                out.add(new Replay(channelId, Replay.Outcome.NOT_A_MEMBER, List.of(), 0));
                continue;
            }
            long last = lastSeq;
            if (after >= last) {
                out.add(new Replay(channelId, Replay.Outcome.EVENTS, List.of(), last));
                continue;
            }
            Long oldest = log.oldestKept(channelId);
            if (oldest == null || oldest > after + 1 || last - after > MAX_REPLAY_PER_CHANNEL) {
                out.add(new Replay(channelId, Replay.Outcome.RESYNC, List.of(), last));
                continue;
            }
            List<String> frames = log.after(channelId, after, MAX_REPLAY_PER_CHANNEL).stream()
                    .map(StoredChannelEvent::getPayload)
                    .toList();
            out.add(new Replay(channelId, Replay.Outcome.EVENTS, frames, last));
        }
        return out;
    }

    /** One channel's stored frames from {@code fromSeq} to {@code toSeq}, for a hub that saw a gap. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<StoredFrame> range(String channelId, long fromSeq, long toSeq) {
        return log.after(channelId, fromSeq - 1, (int) Math.min(MAX_REPLAY_PER_CHANNEL, toSeq - fromSeq + 1)).stream()
                .map(StoredFrame::of)
                .toList();
    }

    /**
     * The channel's events just before {@code seq} that were stored within {@code window}: the longest unbroken
     * run ending at seq - 1, in order (empty when seq - 1 is older or missing).
     */
    // NOT_SUPPORTED: the hub calls this after a commit, on a thread whose transaction has completed.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<StoredFrame> recentBefore(String channelId, long seq, Duration window) {
        List<StoredChannelEvent> candidates = log.between(
                channelId, Math.max(1, seq - 100), seq - 1, Instant.now().minus(window));
        int start = candidates.size();
        long expected = seq - 1;
        while (start > 0 && candidates.get(start - 1).getSeq() == expected) {
            start--;
            expected--;
        }
        return candidates.subList(start, candidates.size()).stream()
                .map(StoredFrame::of)
                .toList();
    }

    /** The last seq of each channel, read outside any transaction (the hub's catch-up check). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, Long> lastSeqs(java.util.Collection<String> channelIds) {
        return membership.lastSeqs(channelIds);
    }

    /**
     * Who a channel's events go to now: its members. For a hub that fills a gap from the log, and for events that
     * are not stored (typing), addressed the same way.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> recipients(String channelId) {
        return membership.memberIds(channelId);
    }

    @Schedule(hour = "*", minute = "41", persistent = false)
    public void prune() {
        int removed = log.pruneBefore(Instant.now().minus(retention));
        if (removed > 0) {
            LOG.info(() -> "Pruned " + removed + " channel events older than " + retention);
        }
    }
}
