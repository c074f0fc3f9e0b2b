package dev.netchat.web.realtime;

import dev.netchat.auth.TokenVerifier;
import dev.netchat.web.auth.AllowedOrigins;
import dev.netchat.web.auth.SessionCookies;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates the handshake: the session cookie, or the access token offered as the subprotocol
 * {@code bearer.<token>} next to {@code netchat.v1}. The caller goes into the session's user properties;
 * the endpoint closes a socket that has none. {@link WebSocketHandshakeFilter} has already refused, with a
 * proper HTTP status, handshakes without valid credentials or from a foreign Origin.
 */
public class HandshakeAuthenticator extends ServerEndpointConfig.Configurator {

    static final String PROTOCOL = "netchat.v1";
    static final String BEARER_PREFIX = "bearer.";
    static final String CALLER = "netchat.caller";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, List<String>> headers = request.getHeaders();
        String origin = first(headers, "Origin");
        String host = first(headers, "Host");
        Optional<String> bearer = bearerFromProtocols(headers);
        boolean originOk = host != null
                && originAcceptable(
                        origin,
                        URI.create(scheme(request) + "://" + host),
                        bearer.isPresent(),
                        CDI.current().select(AllowedOrigins.class).get());
        String token = bearer.orElseGet(() -> cookie(headers, SessionCookies.ACCESS));
        var caller = originOk
                ? CDI.current().select(TokenVerifier.class).get().verify(token)
                : Optional.<TokenVerifier.VerifiedToken>empty();
        config.getUserProperties().remove(CALLER);
        caller.ifPresent(c -> config.getUserProperties().put(CALLER, c));
    }

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return requested.contains(PROTOCOL) ? PROTOCOL : "";
    }

    /**
     * A browser always sends Origin, and a page elsewhere must not ride on the user's cookie: a present Origin
     * must be allowed. Programs (load generators, bots) send none; they may connect with a bearer token, which
     * no foreign page can read.
     */
    static boolean originAcceptable(String origin, URI self, boolean bearer, AllowedOrigins origins) {
        if (origin == null) {
            return bearer;
        }
        return origins.allows(origin, self);
    }

    static Optional<String> bearerFromProtocols(Map<String, List<String>> headers) {
        for (String value : headers.getOrDefault("Sec-WebSocket-Protocol", List.of())) {
            for (String protocol : value.split(",")) {
                String p = protocol.strip();
                if (p.startsWith(BEARER_PREFIX)) {
                    return Optional.of(p.substring(BEARER_PREFIX.length()));
                }
            }
        }
        return Optional.empty();
    }

    static String cookie(Map<String, List<String>> headers, String name) {
        for (String value : headers.getOrDefault("Cookie", List.of())) {
            for (String pair : value.split(";")) {
                String[] kv = pair.strip().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return kv[1];
                }
            }
        }
        return null;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static String scheme(HandshakeRequest request) {
        String uri = request.getRequestURI().getScheme();
        return "wss".equals(uri) || "https".equals(uri) ? "https" : "http";
    }
}
