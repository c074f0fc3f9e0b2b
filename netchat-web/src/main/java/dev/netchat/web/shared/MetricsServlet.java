package dev.netchat.web.shared;

import dev.netchat.auth.SessionStatus;
import dev.netchat.auth.TokenVerifier;
import dev.netchat.metrics.NetChatMetrics;
import dev.netchat.metrics.StoredBacklog;
import dev.netchat.user.AccountStatus;
import dev.netchat.web.auth.SessionCookies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GET /metrics: the application's metrics in the Prometheus text format, for operators only: an admin's access
 * token (bearer or cookie), or the scrape token an operator configured for Prometheus
 * ({@code NETCHAT_METRICS_TOKEN}, sent as {@code Authorization: Bearer <token>}). Anyone else: 401 or 403.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    NetChatMetrics metrics;

    @Inject
    StoredBacklog backlog;

    @Inject
    TokenVerifier tokens;

    @Inject
    AccountStatus accounts;

    @Inject
    SessionStatus sessions;

    @Inject
    @ConfigProperty(name = "netchat.metrics.token", defaultValue = " ")
    String scrapeToken;

    @Override
    public void init() {
        metrics.gauge("netchat.outbox.pending", "Outbox rows waiting for Stream or Twilio", backlog::outboxPending);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String bearer = bearer(request);
        if (!scrapeTokenMatches(bearer)) {
            String token = bearer != null ? bearer : cookie(request);
            var caller = tokens.verify(token).filter(c -> sessions.active(c.sessionId()));
            if (caller.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"netchat\"");
                ProblemWriter.writeKeepAlive(
                        response,
                        401,
                        "Not authenticated",
                        "Metrics are for operators: an admin's token or the configured scrape token.",
                        request.getRequestURI());
                return;
            }
            AccountStatus.Status status = accounts.of(caller.get().userId());
            if (!status.active() || !status.admin()) {
                ProblemWriter.writeKeepAlive(
                        response, 403, "Not allowed", "Metrics are for operators.", request.getRequestURI());
                return;
            }
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getOutputStream().write(metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private boolean scrapeTokenMatches(String bearer) {
        String expected = scrapeToken.strip();
        return bearer != null
                && expected.length() >= 16
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), bearer.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
                ? h.substring(7).strip()
                : null;
    }

    private static String cookie(HttpServletRequest request) {
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
