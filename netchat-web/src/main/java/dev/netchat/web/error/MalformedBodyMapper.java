package dev.netchat.web.error;

import dev.netchat.web.shared.BodyTooLargeException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A body that is not the JSON it should be (or too large to read) is the caller's fault: 400 or 413. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(MalformedBodyMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Problems.of(413, "Payload too large", tooLarge.getMessage(), uri, List.of())
                        .header("Connection", "close")
                        .build();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // The type only: a parser's message may quote the body.
        LOG.fine("Unreadable request body: " + root.getClass().getName());
        return Problems.of(
                        400,
                        "Malformed JSON",
                        "The request body is not valid JSON of the expected shape.",
                        uri,
                        List.of())
                .build();
    }
}
