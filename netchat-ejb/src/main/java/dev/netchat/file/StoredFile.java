package dev.netchat.file;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored file's metadata; its bytes are in the {@link FileStore} under {@link #blobId(String)}. */
@Entity
@Table(name = "files")
public class StoredFile {

    static final String ATTACHMENT = "ATTACHMENT";
    static final String AVATAR = "AVATAR";
    static final String UPLOADING = "UPLOADING";
    static final String READY = "READY";
    /** Its message was deleted: no longer served; its bytes are removed after the deleting transaction commits. */
    static final String REMOVED = "REMOVED";

    @Id
    private String id;

    @Column(nullable = false, length = 16)
    private String kind;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "uploader_id", nullable = false, length = 36)
    private String uploaderId;

    @Column(name = "channel_id", length = 36)
    private String channelId;

    @Column(name = "message_id", length = 36)
    private String messageId;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(name = "media_type", nullable = false, length = 127)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    private Integer width;

    private Integer height;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredFile() {}

    StoredFile(String kind, String uploaderId, String channelId, String name, Instant now) {
        // 122 random bits: the id is not guessable, though access is checked on every read anyway.
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.status = UPLOADING;
        this.uploaderId = uploaderId;
        this.channelId = channelId;
        this.name = name;
        this.mediaType = "application/octet-stream";
        this.createdAt = now;
    }

    /** The blob of the original ({@code variant} null) or of a re-encoded variant. */
    String blobId(String variant) {
        return variant == null ? id : id + "." + variant;
    }

    void removed() {
        this.status = REMOVED;
    }

    void ready(String sniffedType, long size, Integer imageWidth, Integer imageHeight) {
        this.status = READY;
        this.mediaType = sniffedType;
        this.sizeBytes = size;
        this.width = imageWidth;
        this.height = imageHeight;
    }

    void attachTo(String message) {
        this.messageId = message;
    }

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getStatus() {
        return status;
    }

    public String getUploaderId() {
        return uploaderId;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getName() {
        return name;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    boolean isImage() {
        return width != null;
    }
}
