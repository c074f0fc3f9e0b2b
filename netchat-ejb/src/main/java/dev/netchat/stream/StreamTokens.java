package dev.netchat.stream;

import io.getstream.chat.java.models.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Tokens for Stream's own client SDKs, returned at signup and login as the original NetChat did. Signed locally
 * with the API secret (no call to Stream).
 */
@ApplicationScoped
public class StreamTokens {

    @Inject
    StreamSettings stream;

    /** A token for the user, or empty when the bridge is off. */
    public Optional<StreamCredentialsDto> forUser(String userId) {
        if (!stream.enabled()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        String token = User.createToken(
                stream.apiSecret(), userId, Date.from(now.plus(stream.tokenLifetime())), Date.from(now));
        return Optional.of(new StreamCredentialsDto(stream.apiKey(), token));
    }

    /** What a Stream client needs to connect as the user. */
    public record StreamCredentialsDto(String apiKey, String token) {}
}
