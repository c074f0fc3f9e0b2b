package dev.netchat.web.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that keep the browser strict: no sniffing, no framing, scripts and connections from this origin only;
 * HSTS when served over HTTPS; no caching of what a signed-in caller reads from the API. Runs for forwards
 * (deep links such as /c/general are forwarded to index.html) and error pages too, and is set before anything
 * else can answer. Paths the server itself answers outside the application (/openapi) get the same headers
 * from the server's configuration (config/netchat.cli).
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' https: http: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'; object-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** Sets the headers on a response (also used by answers written before the filter chain runs). */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CSP);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") && signedIn(request)) {
            // What a signed-in user reads is theirs: never in a shared or back-button cache.
            response.setHeader("Cache-Control", "no-store");
        }
    }

    private static boolean signedIn(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return true;
        }
        String cookies = request.getHeader("Cookie");
        return cookies != null && cookies.contains("netchat_");
    }
}
