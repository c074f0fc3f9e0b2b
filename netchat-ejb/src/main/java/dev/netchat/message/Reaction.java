package dev.netchat.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One user's reaction of one type to one message. */
@Entity
@Table(name = "reactions")
@IdClass(Reaction.Key.class)
public class Reaction {

    @Id
    @Column(name = "message_id")
    private String messageId;

    @Id
    @Column(name = "user_id")
    private String userId;

    @Id
    private String type;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Reaction() {}

    Reaction(String messageId, String userId, String type, Instant now) {
        this.messageId = messageId;
        this.userId = userId;
        this.type = type;
        this.createdAt = now;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getUserId() {
        return userId;
    }

    public String getType() {
        return type;
    }

    /** Composite key (message, user, type). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String messageId;
        private String userId;
        private String type;

        public Key() {}

        public Key(String messageId, String userId, String type) {
            this.messageId = messageId;
            this.userId = userId;
            this.type = type;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(k.messageId, messageId)
                    && Objects.equals(k.userId, userId)
                    && Objects.equals(k.type, type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(messageId, userId, type);
        }
    }
}
