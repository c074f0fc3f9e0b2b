package dev.netchat.web.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the web client's index.html for client-side paths (/c/general, /settings …) so a reload or a shared
 * link opens the app. Server paths and real files pass through untouched; a missing /assets file stays a 404.
 */
@WebFilter(urlPatterns = "/*")
public class SpaFallbackFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isClientRoute(request.getMethod(), path)
                && request.getServletContext().getResource(path) == null) {
            request.getRequestDispatcher("/index.html").forward(request, response);
            return;
        }
        if (path.equals("/") || path.equals("/index.html") || path.equals("/session-boot.js")) {
            // The shell must never be cached stale: it names the current hashed bundles. The boot script has
            // no hash in its name, so an upgrade must not leave the old one cached either.
            response.setHeader("Cache-Control", "no-cache");
        } else if (path.startsWith("/assets/")) {
            response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        }
        chain.doFilter(request, response);
    }

    static boolean isClientRoute(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        for (String server : new String[] {"/api", "/ws", "/health", "/metrics", "/openapi", "/error", "/assets/"}) {
            if (path.equals(server) || path.startsWith(server.endsWith("/") ? server : server + "/")) {
                return false;
            }
        }
        return !path.equals("/") && !path.contains(".");
    }
}
