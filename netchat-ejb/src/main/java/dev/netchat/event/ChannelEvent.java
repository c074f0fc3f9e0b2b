package dev.netchat.event;

import java.util.List;

/**
 * A stored, seq-numbered channel event (message.new, member.added...). Records implementing it declare
 * {@code channelId} and {@code seq} as their first components, so the frame reads {@code {type, channelId, seq, ...}}.
 */
public interface ChannelEvent extends RealtimeEvent {

    String channelId();

    long seq();

    /** Users outside the channel who must still see this event (the member just removed); not part of the frame. */
    default List<String> alsoTo() {
        return List.of();
    }
}
