package dev.netchat.auth;

import dev.netchat.user.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues the short-lived RS256 access tokens that MicroProfile JWT verifies: {@code sub} and {@code upn}
 * are the user id, {@code groups} the role, {@code sid} the sign-in session (refresh family) it belongs to.
 */
@ApplicationScoped
public class TokenIssuer {

    /** Also the value of mp.jwt.verify.issuer (see the web module's config source). */
    public static final String DEFAULT_ISSUER = "netchat";

    private final String issuer;
    private final Duration lifetime;

    @Inject
    public TokenIssuer(
            @ConfigProperty(name = "netchat.jwt.issuer", defaultValue = DEFAULT_ISSUER) String issuer,
            @ConfigProperty(name = "netchat.jwt.access-token-lifetime", defaultValue = "PT15M") Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("netchat.jwt.access-token-lifetime must be positive");
        }
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    /** For CDI's proxy only. */
    protected TokenIssuer() {
        this.issuer = DEFAULT_ISSUER;
        this.lifetime = Duration.ofMinutes(15);
    }

    public AccessToken issue(UserAccount user, String sessionId, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(user.getId());
        claims.setClaim("upn", user.getId());
        claims.setClaim("preferred_username", user.getUsername());
        claims.setStringListClaim("groups", List.of(user.getRole().claim()));
        claims.setClaim("sid", sessionId);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expiresAt.toEpochMilli()));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(SigningKeys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new AccessToken(jws.getCompactSerialization(), expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("Signing an access token failed", e);
        }
    }

    /** A signed token and when it stops being accepted. */
    public record AccessToken(String token, Instant expiresAt) {}
}
