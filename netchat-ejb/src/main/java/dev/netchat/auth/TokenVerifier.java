package dev.netchat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies an access token outside a JAX-RS request, where MicroProfile JWT does not reach: the WebSocket
 * handshake's subprotocol token. Same rules as MP-JWT's: RS256 by NetChat's key, NetChat's issuer, unexpired.
 */
@ApplicationScoped
public class TokenVerifier {

    private final String issuer;
    private volatile JwtConsumer consumer;

    @Inject
    public TokenVerifier(
            @ConfigProperty(name = "netchat.jwt.issuer", defaultValue = TokenIssuer.DEFAULT_ISSUER) String issuer) {
        this.issuer = issuer;
    }

    protected TokenVerifier() {
        this.issuer = TokenIssuer.DEFAULT_ISSUER;
    }

    /** The verified caller, or empty for any token that is not valid now. */
    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer().processToClaims(token);
            String userId = claims.getClaimValueAsString("upn");
            if (userId == null) {
                userId = claims.getSubject();
            }
            return Optional.of(new VerifiedToken(
                    userId,
                    claims.getClaimValueAsString("sid"),
                    claims.getExpirationTime().getValueInMillis()));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private JwtConsumer consumer() {
        JwtConsumer c = consumer;
        if (c == null) {
            c = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setAllowedClockSkewInSeconds(30)
                    .setExpectedIssuer(issuer)
                    .setVerificationKey(SigningKeys.publicKey())
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setSkipDefaultAudienceValidation()
                    .build();
            consumer = c;
        }
        return c;
    }

    /** Who a valid token speaks for. */
    public record VerifiedToken(String userId, String sessionId, long expiresAtMillis) {}
}
