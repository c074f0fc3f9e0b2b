package dev.netchat.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One person's bookmark on a message ("save for later"); nobody else sees it. */
@Entity
@Table(name = "saved_messages")
@IdClass(SavedMessage.Key.class)
public class SavedMessage {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Id
    @Column(name = "message_id")
    private String messageId;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected SavedMessage() {}

    SavedMessage(String userId, String messageId, Instant now) {
        this.userId = userId;
        this.messageId = messageId;
        this.savedAt = now;
    }

    public String getUserId() {
        return userId;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    /** Composite key (user, message). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String userId;
        private String messageId;

        public Key() {}

        public Key(String userId, String messageId) {
            this.userId = userId;
            this.messageId = messageId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.userId, userId) && Objects.equals(k.messageId, messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, messageId);
        }
    }
}
