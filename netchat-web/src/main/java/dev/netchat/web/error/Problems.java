package dev.netchat.web.error;

import dev.netchat.shared.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Builds problem+json responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The type of the refusal of a session renewal whose account an administrator disabled. */
    public static final String ACCOUNT_DISABLED = "urn:netchat:problem:account-disabled";

    private Problems() {}

    /** A problem of a stated type (no field errors), for refusals a client tells apart by their type. */
    public static Response.ResponseBuilder of(int status, String type, String title, String detail, UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        return Response.status(status).type(MEDIA_TYPE).entity(new ProblemDto(type, title, status, detail, instance, List.of()));
    }

    public static Response.ResponseBuilder of(int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        String type = errors == null || errors.isEmpty() ? "about:blank" : "urn:netchat:problem:invalid-input";
        ProblemDto body = new ProblemDto(type, title, status, detail, instance, errors == null ? List.of() : errors);
        return Response.status(status).type(MEDIA_TYPE).entity(body);
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
