package dev.netchat.web.shared;

import dev.netchat.web.error.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A request body must say what it is: a wildcard (`*&#47;*`, `application/*`) or unreadable Content-Type gets
 * 415 problem+json before the runtime guesses a reader for it (which could fail with a 500).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class ContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString("Content-Type");
        if (header == null) {
            return;
        }
        boolean acceptable;
        try {
            MediaType type = MediaType.valueOf(header);
            acceptable = !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (RuntimeException e) {
            acceptable = false;
        }
        if (!acceptable) {
            request.abortWith(Problems.of(
                            415,
                            "Unsupported media type",
                            "Name the body's type exactly, e.g. Content-Type: application/json.",
                            request.getUriInfo(),
                            List.of())
                    .build());
        }
    }
}
