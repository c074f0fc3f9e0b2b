package dev.netchat.stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A webhook delivery already acted on, by an id derived from what was signed (the SHA-256 of the signed body). */
@Entity
@Table(name = "webhook_receipt")
public class WebhookReceipt {

    @Id
    @Column(length = 128)
    private String id;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected WebhookReceipt() {}

    public WebhookReceipt(String id, String source, Instant receivedAt) {
        this.id = id;
        this.source = source;
        this.receivedAt = receivedAt;
    }
}
