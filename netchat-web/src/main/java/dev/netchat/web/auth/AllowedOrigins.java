package dev.netchat.web.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which page origins may use NetChat's cookies: NetChat's own origin (as the request reached it), plus the
 * comma-separated list in netchat.http.allowed-origins (NETCHAT_HTTP_ALLOWED_ORIGINS), for example when a
 * reverse proxy serves NetChat under another name. Also used for the WebSocket handshake.
 */
@ApplicationScoped
public class AllowedOrigins {

    private final List<String> configured;

    @Inject
    public AllowedOrigins(@ConfigProperty(name = "netchat.http.allowed-origins") Optional<String> configured) {
        this.configured = configured
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(s -> s.toLowerCase(Locale.ROOT))
                        .toList())
                .orElse(List.of());
    }

    protected AllowedOrigins() {
        this.configured = List.of();
    }

    /** True when the origin is the server's own (scheme, host and port of {@code requestUri}) or configured. */
    public boolean allows(String origin, URI requestUri) {
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return false;
        }
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        if (configured.contains(normalized)) {
            return true;
        }
        return normalized.equals(originOf(requestUri));
    }

    static String originOf(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
