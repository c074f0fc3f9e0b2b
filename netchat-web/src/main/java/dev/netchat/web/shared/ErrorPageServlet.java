package dev.netchat.web.shared;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page for what the container itself refuses before NetChat's code runs (see web.xml): a bad
 * percent-encoding, a body over the server's limit, an unknown method, a request for /WEB-INF. Answers
 * problem+json, never HTML and
 * never a stack trace; an unexpected exception is logged under a correlation id that the answer names.
 */
@WebServlet(urlPatterns = "/error/status")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

    private static final Map<Integer, String> TITLES = Map.of(
            400,
            "Bad request",
            403,
            "Forbidden",
            404,
            "Not found",
            405,
            "Method not allowed",
            413,
            "Payload too large",
            414,
            "URI too long",
            415,
            "Unsupported media type",
            500,
            "Internal error",
            503,
            "Service unavailable");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        // No error being handled: a direct request, or the container's own folders sent here by the host's
        // filter (config/netchat.cli). Nothing is here for either.
        int status = code instanceof Integer i ? i : 404;
        Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
        Throwable error = (Throwable) request.getAttribute("jakarta.servlet.error.exception");
        String detail = switch (status) {
            case 400 -> "The request could not be read (for example a bad percent-encoding in the address).";
            case 413 -> "The request body is too large.";
            case 405 -> "This method is not allowed here.";
            case 404 -> "Nothing is here.";
            default -> "The request could not be handled.";
        };
        if (status >= 500) {
            String id = java.util.UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unhandled failure " + id + " on " + uri, error);
            detail = "Something went wrong on the server; correlation id " + id + ".";
        }
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        ProblemWriter.writeKeepAlive(
                response,
                status,
                TITLES.getOrDefault(status, "Error"),
                detail,
                uri == null ? request.getRequestURI() : uri.toString());
    }
}
