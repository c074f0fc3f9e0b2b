package dev.netchat.stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message that came from Stream: NetChat's id and Stream's (see V40__stream_message_ids.sql). */
@Entity
@Table(name = "stream_message_link")
public class StreamMessageLink {

    @Id
    @Column(name = "message_id", length = 36)
    private String messageId;

    @Column(name = "stream_id", nullable = false, length = 64, unique = true)
    private String streamId;

    protected StreamMessageLink() {}

    public StreamMessageLink(String messageId, String streamId) {
        this.messageId = messageId;
        this.streamId = streamId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getStreamId() {
        return streamId;
    }
}
