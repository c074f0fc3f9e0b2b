package dev.netchat.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One row of the per-channel event log. */
@Entity
@Table(name = "channel_events")
@IdClass(StoredChannelEvent.Key.class)
public class StoredChannelEvent {

    @Id
    @Column(name = "channel_id")
    private String channelId;

    @Id
    private long seq;

    @Column(nullable = false, length = 32)
    private String type;

    @Column(nullable = false, length = 1_000_000)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredChannelEvent() {}

    StoredChannelEvent(String channelId, long seq, String type, String payload, Instant createdAt) {
        this.channelId = channelId;
        this.seq = seq;
        this.type = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public long getSeq() {
        return seq;
    }

    public String getType() {
        return type;
    }

    public String getPayload() {
        return payload;
    }

    public String getChannelId() {
        return channelId;
    }

    /** Composite key (channel, seq). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String channelId;
        private long seq;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && java.util.Objects.equals(k.channelId, channelId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(channelId, seq);
        }
    }
}
