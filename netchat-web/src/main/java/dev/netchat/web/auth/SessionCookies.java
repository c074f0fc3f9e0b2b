package dev.netchat.web.auth;

import dev.netchat.auth.SignedInSession;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;

/**
 * The browser's session: the access token in {@code netchat_access} (sent with every request and the
 * WebSocket handshake) and the refresh token in {@code netchat_refresh}, sent only to /api/auth. Both HttpOnly
 * (scripts cannot read them), SameSite=Strict, and Secure when NetChat is reached over HTTPS.
 */
public final class SessionCookies {

    public static final String ACCESS = "netchat_access";
    public static final String REFRESH = "netchat_refresh";
    static final String REFRESH_PATH = "/api/auth";

    private SessionCookies() {}

    public static NewCookie[] of(SignedInSession session, boolean secure) {
        Instant now = Instant.now();
        return new NewCookie[] {
            cookie(ACCESS, session.accessToken(), "/", seconds(now, session.accessExpiresAt()), secure),
            cookie(REFRESH, session.refreshToken(), REFRESH_PATH, seconds(now, session.refreshExpiresAt()), secure)
        };
    }

    public static NewCookie[] cleared(boolean secure) {
        return new NewCookie[] {cookie(ACCESS, "", "/", 0, secure), cookie(REFRESH, "", REFRESH_PATH, 0, secure)};
    }

    private static NewCookie cookie(String name, String value, String path, int maxAge, boolean secure) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    private static int seconds(Instant now, Instant until) {
        return (int) Math.max(0, Duration.between(now, until).toSeconds());
    }
}
