package dev.netchat.channel;

import dev.netchat.event.RealtimeEvent;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;

/**
 * A channel was created, with its first members. Frame {@code channel.created} (to those members, not stored: the
 * channel starts with no events); also observed inside the creating transaction (Stream mirrors it).
 */
public record ChannelCreated(
        String channelId,
        ChannelDto channel,
        @JsonbTransient List<String> memberIds) implements RealtimeEvent {

    @Override
    public String type() {
        return "channel.created";
    }
}
