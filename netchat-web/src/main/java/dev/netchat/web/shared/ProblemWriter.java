package dev.netchat.web.shared;

import dev.netchat.shared.Wire;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem+json answer from a servlet filter, where JAX-RS exception mappers do not reach. */
public final class ProblemWriter {

    private ProblemWriter() {}

    /** For a refused request whose body is left unread: the connection is closed after the answer. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        response.setHeader("Connection", "close");
        // Filters may answer before the security headers' filter has run.
        SecurityHeadersFilter.apply(request, response);
        writeKeepAlive(response, status, title, detail, request.getRequestURI());
    }

    public static void writeKeepAlive(HttpServletResponse response, int status, String title, String detail,
            String instance) throws IOException {
        String body = Wire.JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("instance", instance)
                .add("errors", Wire.JSON.createArrayBuilder())
                .build()
                .toString();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
