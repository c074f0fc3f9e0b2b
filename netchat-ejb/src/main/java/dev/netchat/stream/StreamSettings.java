package dev.netchat.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stream Chat's settings: on when STREAM_API_KEY and STREAM_API_SECRET are set (environment or system properties). */
@ApplicationScoped
public class StreamSettings {

    /** Stream's channel type for everything NetChat mirrors. */
    public static final String CHANNEL_TYPE = "messaging";

    @Inject
    @ConfigProperty(name = "STREAM_API_KEY")
    Optional<String> apiKey;

    @Inject
    @ConfigProperty(name = "STREAM_API_SECRET")
    Optional<String> apiSecret;

    /** Stream's API; only tests point it elsewhere (a local fake speaking Stream's wire format). */
    @Inject
    @ConfigProperty(name = "netchat.stream.api-url", defaultValue = "https://chat.stream-io-api.com")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "netchat.stream.timeout", defaultValue = "PT10S")
    Duration timeout;

    /** How long a Stream user token handed out at signup and login is valid. */
    @Inject
    @ConfigProperty(name = "netchat.stream.token-lifetime", defaultValue = "P1D")
    Duration tokenLifetime;

    public boolean enabled() {
        return apiKey.filter(s -> !s.isBlank()).isPresent()
                && apiSecret.filter(s -> !s.isBlank()).isPresent();
    }

    public String apiKey() {
        return apiKey.orElse(null);
    }

    public String apiSecret() {
        return apiSecret.orElse(null);
    }

    public String apiUrl() {
        return apiUrl.replaceAll("/+$", "");
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }
}
