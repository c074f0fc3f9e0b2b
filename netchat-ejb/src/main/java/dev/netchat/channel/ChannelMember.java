package dev.netchat.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A user's membership of a channel and how far they have read it. */
@Entity
@Table(name = "channel_members")
@IdClass(ChannelMember.Key.class)
public class ChannelMember {

    @Id
    @Column(name = "channel_id")
    private String channelId;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Column(name = "last_read_seq", nullable = false)
    private long lastReadSeq;

    protected ChannelMember() {}

    ChannelMember(String channelId, String userId, Instant now, long lastReadSeq) {
        this.channelId = channelId;
        this.userId = userId;
        this.joinedAt = now;
        this.lastReadSeq = lastReadSeq;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getUserId() {
        return userId;
    }

    public long getLastReadSeq() {
        return lastReadSeq;
    }

    /** Read positions only move forward. */
    public boolean readUpTo(long seq) {
        if (seq > lastReadSeq) {
            lastReadSeq = seq;
            return true;
        }
        return false;
    }

    /** Composite key (channel, user). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String channelId;
        private String userId;

        public Key() {}

        public Key(String channelId, String userId) {
            this.channelId = channelId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.channelId, channelId) && Objects.equals(k.userId, userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, userId);
        }
    }
}
