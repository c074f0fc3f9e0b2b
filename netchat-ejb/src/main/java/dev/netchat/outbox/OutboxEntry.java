package dev.netchat.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One piece of work for an outside service (see V5__integrations.sql for what each column means). */
@Entity
@Table(name = "outbox")
public class OutboxEntry {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "ordering_key", nullable = false, length = 120)
    private String orderingKey;

    @Column(nullable = false, length = 100000)
    private String payload;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    /** The node (server node name) that holds the claim; see {@link OutboxRepository#releaseClaimsOf}. */
    @Column(name = "claimed_by", length = 120)
    private String claimedBy;

    @Column(name = "merged_count", nullable = false)
    private int mergedCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "external_id", length = 64)
    private String externalId;

    @Column(name = "delivery_status", length = 32)
    private String deliveryStatus;

    protected OutboxEntry() {}

    public OutboxEntry(String kind, String orderingKey, String payload, Instant notBefore, Instant now) {
        this.kind = kind;
        this.orderingKey = orderingKey;
        this.payload = payload;
        this.status = PENDING;
        this.notBefore = notBefore;
        this.mergedCount = 1;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getOrderingKey() {
        return orderingKey;
    }

    public String getPayload() {
        return payload;
    }

    public String getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getMergedCount() {
        return mergedCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getDeliveryStatus() {
        return deliveryStatus;
    }

    public void setDeliveryStatus(String deliveryStatus) {
        this.deliveryStatus = deliveryStatus;
    }
}
