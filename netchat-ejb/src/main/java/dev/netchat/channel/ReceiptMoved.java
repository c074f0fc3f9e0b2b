package dev.netchat.channel;

import dev.netchat.event.RealtimeEvent;

/**
 * A member of a direct or group conversation has now seen the channel up to {@code seq} (a read receipt). Frame
 * {@code receipt.updated}, to the conversation's other members; never sent for a member who turned receipts off.
 */
public record ReceiptMoved(String channelId, String userId, long seq) implements RealtimeEvent {

    @Override
    public String type() {
        return "receipt.updated";
    }
}
