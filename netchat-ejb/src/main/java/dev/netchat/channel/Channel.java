package dev.netchat.channel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A channel. {@code lastSeq} is only ever advanced by the event log while it holds this row's lock. */
@Entity
@Table(name = "channels")
public class Channel {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ChannelType type;

    @Column(length = 80)
    private String name;

    @Column(name = "team_name", length = 80)
    private String teamName;

    @Column(length = 1000)
    private String description;

    @Column(name = "is_private", nullable = false)
    private boolean privateChannel;

    @Column(name = "direct_key", length = 80)
    private String directKey;

    @Column(name = "created_by", length = 36)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    /** The default public channel that every new account joins (created by a migration; renamable). */
    @Column(name = "is_default", nullable = false)
    private boolean defaultChannel;

    protected Channel() {}

    Channel(
            ChannelType type,
            String name,
            String description,
            boolean privateChannel,
            String directKey,
            String createdBy,
            Instant now) {
        this.id = UUID.randomUUID().toString();
        this.type = type;
        this.name = name;
        this.teamName = type == ChannelType.TEAM ? name : null;
        this.description = description;
        this.privateChannel = type == ChannelType.MESSAGING || privateChannel;
        this.directKey = directKey;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public ChannelType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    void rename(String name) {
        this.name = name;
        this.teamName = type == ChannelType.TEAM ? name : null;
    }

    public String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    public boolean isPrivate() {
        return privateChannel;
    }

    void setPrivate(boolean value) {
        this.privateChannel = value;
    }

    public boolean isDirect() {
        return directKey != null;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    /** Takes the next seq; the caller holds this row's write lock until commit, so seqs have no gaps. */
    public long nextSeq() {
        return ++lastSeq;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public void setLastMessageAt(Instant lastMessageAt) {
        this.lastMessageAt = lastMessageAt;
    }

    public int getMemberCount() {
        return memberCount;
    }

    void setMemberCount(int memberCount) {
        this.memberCount = memberCount;
    }

    public boolean isDefaultChannel() {
        return defaultChannel;
    }
}
