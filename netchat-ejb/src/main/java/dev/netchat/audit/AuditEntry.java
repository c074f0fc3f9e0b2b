package dev.netchat.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of the audit log. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", length = 36)
    private String actorId;

    @Column(name = "actor_name", length = 100)
    private String actorName;

    @Column(nullable = false, length = 48)
    private String action;

    @Column(name = "target_id", length = 36)
    private String targetId;

    @Column(name = "target_name", length = 100)
    private String targetName;

    @Column(length = 500)
    private String detail;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected AuditEntry() {}

    AuditEntry(Actor actor, String action, String targetId, String targetName, String detail) {
        this.id = UUID.randomUUID().toString();
        this.occurredAt = Instant.now();
        this.actorId = actor.userId();
        this.actorName = clip(actor.name(), 100);
        this.action = action;
        this.targetId = targetId;
        this.targetName = clip(targetName, 100);
        this.detail = clip(detail, 500);
        this.source = actor.source();
        this.clientAddress = clip(actor.address(), 64);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public String getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getTargetName() {
        return targetName;
    }

    public String getDetail() {
        return detail;
    }

    public String getSource() {
        return source;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
