package dev.netchat.web.error;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The last resort. The client gets a correlation id and nothing else; the log gets the same id with the
 * exception's type and message (no stack trace, which could carry request data into the log).
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        return toResponse(e, uri);
    }

    Response toResponse(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return Problems.of(409, "Conflict", "Someone else changed this at the same time; try again.", uri, List.of())
                        .build();
            }
            // Too many writers waited on one row (a very busy channel): nothing was changed, try again shortly.
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException || t instanceof QueryTimeoutException) {
                String busy = t.getClass().getSimpleName();
                LOG.warning(() -> "Busy: " + busy + " on " + (uri == null ? "?" : uri.getPath()));
                return Problems.of(503, "Busy", "This channel is very busy right now; try again in a moment.", uri, List.of())
                        .header("Retry-After", 1)
                        .build();
            }
        }
        String id = UUID.randomUUID().toString();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Throwable rootCause = root;
        LOG.severe(() -> "Unexpected failure " + id + " on " + (uri == null ? "?" : uri.getPath()) + ": "
                + e.getClass().getName() + " caused by " + rootCause.getClass().getName() + ": " + rootCause.getMessage());
        return Problems.of(500, "Internal error", "Something went wrong on our side. Reference: " + id, uri, List.of())
                .build();
    }
}
