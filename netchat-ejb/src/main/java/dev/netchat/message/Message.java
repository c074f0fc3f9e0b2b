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

    /** False when the author said no link preview, when posting or by removing it: none is fetched again. */
    @Column(name = "link_preview", nullable = false)
    private boolean linkPreview = true;

    // The link preview shown under the text (all null when there is none). A copy, not a reference to the shared
    // cache (link_previews): the card a message shows does not change when the page does, and history needs no join.
    @Column(name = "preview_url", length = 2048)
    private String previewUrl;

    @Column(name = "preview_title", length = 300)
    private String previewTitle;

    @Column(name = "preview_description", length = 1000)
    private String previewDescription;

    @Column(name = "preview_site_name", length = 200)
    private String previewSiteName;

    @Column(name = "preview_image_url", length = 2048)
    private String previewImageUrl;

    protected Message() {}

    Message(
            String channelId,
            long seq,
            String userId,
            String text,
            String parentId,
            String clientMessageId,
            Instant now) {
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

    public boolean wantsLinkPreview() {
        return linkPreview;
    }

    /** The preview shown, if any. */
    public java.util.Optional<LinkPreview> getPreview() {
        return previewTitle == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new LinkPreview(
                        previewUrl, previewTitle, previewDescription, previewSiteName, previewImageUrl));
    }

    void showPreview(LinkPreview preview) {
        this.previewUrl = preview.url();
        this.previewTitle = preview.title();
        this.previewDescription = preview.description();
        this.previewSiteName = preview.siteName();
        this.previewImageUrl = preview.imageUrl();
    }

    void clearPreview() {
        this.previewUrl = null;
        this.previewTitle = null;
        this.previewDescription = null;
        this.previewSiteName = null;
        this.previewImageUrl = null;
    }

    /** The author does not want a preview on this message, now or after later edits. */
    void refuseLinkPreview() {
        this.linkPreview = false;
        clearPreview();
    }

    /** A deleted message keeps its place in the history, without its text (its preview, no longer pinned). */
    void delete(Instant now) {
        clearPreview();
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
