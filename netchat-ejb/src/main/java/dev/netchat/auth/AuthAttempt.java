package dev.netchat.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One failed sign-in or one sign-up, counted by {@link LoginThrottle} on every node alike. */
@Entity
@Table(name = "auth_attempts")
public class AuthAttempt {

    static final String LOGIN_FAILURE = "login-failure";
    static final String SIGNUP = "signup";

    @Id
    private String id;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "client_address", nullable = false, length = 64)
    private String clientAddress;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    protected AuthAttempt() {}

    AuthAttempt(String kind, String username, String clientAddress, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.username = username == null || username.length() <= 64 ? username : username.substring(0, 64);
        this.clientAddress = LoginLimits.address(clientAddress);
        this.attemptedAt = at;
    }
}
