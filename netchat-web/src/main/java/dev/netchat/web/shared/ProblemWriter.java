package dev.netchat.web.shared;

import dev.netchat.web.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a problem+json answer from a servlet filter, where JAX-RS exception mappers do not reach. */
public final class ProblemWriter {

    private ProblemWriter() {}

    /** For a refused request whose body is left unread: the connection is closed after the answer. */
    public static void write(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setHeader("Connection", "close");
        // Filters may answer before the security headers' filter has run.
        SecurityHeadersFilter.apply(request, response);
        writeKeepAlive(response, status, title, detail, request.getRequestURI());
    }

    public static void writeKeepAlive(
            HttpServletResponse response, int status, String title, String detail, String instance) throws IOException {
        String body = Problems.json(Problems.problem(status, title, detail, instance, List.of()));
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
