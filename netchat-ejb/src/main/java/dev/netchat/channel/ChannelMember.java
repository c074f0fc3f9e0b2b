package dev.netchat.channel;

import dev.netchat.user.NotificationLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    /** The furthest this member ever read: what a read receipt shows. Never moves back (see V73). */
    @Column(name = "seen_seq", nullable = false)
    private long seenSeq;

    /** Overrides the user's own notification level in this channel; null follows the user's. */
    @Enumerated(EnumType.STRING)
    @Column(name = "notify_level", length = 16)
    private NotificationLevel notifyLevel;

    /** A muted channel never notifies (desktop or SMS), whatever the levels say. */
    @Column(nullable = false)
    private boolean muted;

    protected ChannelMember() {}

    ChannelMember(String channelId, String userId, Instant now, long lastReadSeq) {
        this.channelId = channelId;
        this.userId = userId;
        this.joinedAt = now;
        this.lastReadSeq = lastReadSeq;
        this.seenSeq = lastReadSeq;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getUserId() {
        return userId;
    }

    public long getSeenSeq() {
        return seenSeq;
    }

    public long getLastReadSeq() {
        return lastReadSeq;
    }

    public NotificationLevel getNotifyLevel() {
        return notifyLevel;
    }

    public boolean isMuted() {
        return muted;
    }

    void setNotifications(NotificationLevel level, boolean muted) {
        this.notifyLevel = level;
        this.muted = muted;
    }

    /**
     * "Mark as unread from here": moves the read position back so that {@code seq} is the first unread event.
     * False when the position is already there or before.
     */
    boolean unreadFrom(long seq) {
        long upTo = Math.max(0, seq - 1);
        if (upTo < lastReadSeq) {
            lastReadSeq = upTo;
            return true;
        }
        return false;
    }

    /** Read positions only move forward (and what the member has seen with them). */
    public boolean readUpTo(long seq) {
        seenSeq = Math.max(seenSeq, seq);
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
