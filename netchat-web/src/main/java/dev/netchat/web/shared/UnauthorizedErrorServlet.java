package dev.netchat.web.shared;

import dev.netchat.audit.Actor;
import dev.netchat.audit.AuditLog;
import dev.netchat.web.auth.SessionCookies;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The 401 error page (see web.xml): a problem+json body, and the rejected access cookie cleared. */
@WebServlet(urlPatterns = "/error/unauthorized")
public class UnauthorizedErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private AuditLog audit;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (SessionCookies.ACCESS.equals(c.getName())) {
                    response.addHeader(
                            "Set-Cookie",
                            SessionCookies.ACCESS + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                                    + (request.isSecure() ? "; Secure" : ""));
                }
            }
        }
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        audit.record(
                Actor.anonymous(ClientAddress.of(request)),
                "token.refused",
                null,
                null,
                "on " + request.getMethod() + " " + (uri == null ? request.getRequestURI() : uri));
        response.setHeader("WWW-Authenticate", "Bearer realm=\"netchat\", error=\"invalid_token\"");
        ProblemWriter.writeKeepAlive(
                response,
                401,
                "Not authenticated",
                "The access token is invalid or expired; refresh the session or sign in again.",
                uri == null ? request.getRequestURI() : uri.toString());
    }
}
