package dev.netchat.message;

import dev.netchat.event.ChannelEvent;

/**
 * A message got its link preview, or its author removed it. Frame {@code message.updated}, like an edit; a type of
 * its own so that observers of real edits (the Stream bridge's {@link MessageEdited}) do not take it for one.
 */
public record MessagePreviewChanged(String channelId, long seq, MessageDto message) implements ChannelEvent {

    @Override
    public String type() {
        return "message.updated";
    }
}
