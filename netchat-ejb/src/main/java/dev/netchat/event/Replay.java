package dev.netchat.event;

import java.util.List;

/** What a resuming socket gets for one channel: the missed frames in order, or the order to refetch. */
public record Replay(String channelId, Outcome outcome, List<String> frames, long lastSeq) {

    public enum Outcome {
        /** {@code frames} holds every event after the cursor, in order (possibly none). */
        EVENTS,
        /** The log no longer reaches back to the cursor: the client refetches by REST. */
        RESYNC,
        /** The caller is not a member: nothing of this channel is sent. */
        NOT_A_MEMBER
    }
}
