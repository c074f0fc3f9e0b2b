package dev.netchat.web.realtime;

import dev.netchat.audit.Actor;
import dev.netchat.audit.AuditLog;
import dev.netchat.auth.TokenVerifier;
import dev.netchat.user.AccountStatus;
import dev.netchat.web.auth.AllowedOrigins;
import dev.netchat.web.auth.SessionCookies;
import dev.netchat.web.shared.ClientAddress;
import dev.netchat.web.shared.ProblemWriter;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Refuses a WebSocket handshake before the upgrade: 403 for a foreign or missing Origin (a page elsewhere must
 * not ride on the user's cookie), 401 without a valid token. What passes is authenticated again by
 * {@link HandshakeAuthenticator}, which records the caller for the endpoint.
 */
@WebFilter(urlPatterns = "/ws")
public class WebSocketHandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    AllowedOrigins origins;

    @Inject
    TokenVerifier verifier;

    @EJB
    AuditLog audit;

    @Inject
    AccountStatus accounts;

    @Inject
    dev.netchat.auth.SessionStatus sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        URI self = URI.create(request.getRequestURL().toString());
        List<String> protocols = request.getHeaders("Sec-WebSocket-Protocol") == null
                ? List.of()
                : Collections.list(request.getHeaders("Sec-WebSocket-Protocol"));
        var bearer = HandshakeAuthenticator.bearerFromProtocols(Map.of("Sec-WebSocket-Protocol", protocols));
        if (!HandshakeAuthenticator.originAcceptable(origin, self, bearer.isPresent(), origins)) {
            audit.record(
                    Actor.anonymous(ClientAddress.of(request)),
                    "socket.refused",
                    null,
                    null,
                    "origin not allowed: " + origin);
            ProblemWriter.write(
                    request,
                    response,
                    403,
                    "Origin not allowed",
                    "WebSocket connections must come from NetChat's own pages.");
            return;
        }
        String token = bearer.orElseGet(() -> accessCookie(request));
        var caller = verifier.verify(token);
        if (caller.isPresent() && !accounts.of(caller.get().userId()).active()) {
            audit.record(
                    Actor.anonymous(ClientAddress.of(request)),
                    "socket.refused",
                    caller.get().userId(),
                    null,
                    "account disabled");
            ProblemWriter.write(request, response, 403, "Account disabled", "This account is disabled.");
            return;
        }
        if (caller.isPresent() && !sessions.active(caller.get().sessionId())) {
            audit.record(
                    Actor.anonymous(ClientAddress.of(request)),
                    "socket.refused",
                    caller.get().userId(),
                    null,
                    "session ended");
            ProblemWriter.write(request, response, 401, "Session ended", "This session has ended; sign in again.");
            return;
        }
        if (caller.isEmpty()) {
            audit.record(
                    Actor.anonymous(ClientAddress.of(request)),
                    "socket.refused",
                    null,
                    null,
                    token == null ? "no credentials" : "invalid token");
            ProblemWriter.write(
                    request,
                    response,
                    401,
                    "Not authenticated",
                    "Connect with the session cookie or the subprotocols netchat.v1, bearer.<token>.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String accessCookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (SessionCookies.ACCESS.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
