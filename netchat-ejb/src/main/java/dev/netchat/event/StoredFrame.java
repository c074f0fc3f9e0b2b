package dev.netchat.event;

/** One stored channel event as a hub re-sends it: the frame the log kept, and where it goes in the channel's order. */
public record StoredFrame(String channelId, long seq, String frame) {

    static StoredFrame of(StoredChannelEvent event) {
        return new StoredFrame(event.getChannelId(), event.getSeq(), event.getPayload());
    }
}
