package dev.netchat.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message; {@code seq} is the seq of the message.new event that created it. */
@Entity
@Table(name = "messages")
public class Message {

    @Id
    private String id;

    @Column(name = "channel_id", nullable = false, length = 36)
    private String channelId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "user_id", length = 36)
    private String userId;

    @Column(nullable = false, length = 8000)
    private String text;

    @Column(name = "parent_id", length = 36)
    private String parentId;

    @Column(name = "reply_count", nullable = false)
    private int replyCount;

    @Column(name = "client_message_id", nullable = false, length = 64)
    private String clientMessageId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(nullable = false)
    private boolean edited;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "pinned_by", length = 36)
    private String pinnedBy;

    @Column(name = "pinned_at")
    private Instant pinnedAt;

    protected Message() {}

    Message(String channelId, long seq, String userId, String text, String parentId, String clientMessageId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.channelId = channelId;
        this.seq = seq;
        this.userId = userId;
        this.text = text;
        this.parentId = parentId;
        this.clientMessageId = clientMessageId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getChannelId() {
        return channelId;
    }

    public long getSeq() {
        return seq;
    }

    public String getUserId() {
        return userId;
    }

    public String getText() {
        return text;
    }

    public String getParentId() {
        return parentId;
    }

    public int getReplyCount() {
        return replyCount;
    }

    void addReply() {
        replyCount++;
    }

    public String getClientMessageId() {
        return clientMessageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isEdited() {
        return edited;
    }

    public boolean isDeleted() {
        return deleted;
    }

    void edit(String newText, Instant now) {
        this.text = newText;
        this.edited = true;
        this.updatedAt = now;
    }

    /** A deleted message keeps its place in the history, without its text (and no longer pinned). */
    void delete(Instant now) {
        this.text = "";
        this.deleted = true;
        this.updatedAt = now;
        unpin();
    }

    /** Who pinned the message to its conversation; null when it is not pinned. */
    public String getPinnedBy() {
        return pinnedBy;
    }

    public Instant getPinnedAt() {
        return pinnedAt;
    }

    public boolean isPinned() {
        return pinnedAt != null;
    }

    /** Pinning is not an edit: the text, {@code edited} and {@code updatedAt} stay as they are. */
    void pin(String userId, Instant now) {
        this.pinnedBy = userId;
        this.pinnedAt = now;
    }

    void unpin() {
        this.pinnedBy = null;
        this.pinnedAt = null;
    }
}
