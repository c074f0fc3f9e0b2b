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
        return Problems.of(400, "Malformed JSON", "The request body is not valid JSON of the expected shape.", uri, List.of())
                .build();
    }
}
