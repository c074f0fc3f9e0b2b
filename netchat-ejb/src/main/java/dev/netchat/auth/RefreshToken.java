package dev.netchat.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One issued refresh token, known only by its SHA-256. See V1__accounts.sql for the family rules. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "family_id", nullable = false, length = 36)
    private String familyId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "spent_at")
    private Instant spentAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    protected RefreshToken() {}

    RefreshToken(
            String userId, String familyId, String tokenHash, Instant now, Instant expiresAt, String clientAddress) {
        this.id = UUID.randomUUID().toString();
        this.userId = userId;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.clientAddress =
                clientAddress == null || clientAddress.length() <= 64 ? clientAddress : clientAddress.substring(0, 64);
    }

    public String getUserId() {
        return userId;
    }

    public String getFamilyId() {
        return familyId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    boolean isUsable(Instant now) {
        return spentAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    boolean spentWithin(java.time.Duration grace, Instant now) {
        return spentAt != null && !spentAt.plus(grace).isBefore(now);
    }

    boolean isSpent() {
        return spentAt != null;
    }

    void spend(Instant now) {
        this.spentAt = now;
    }
}
