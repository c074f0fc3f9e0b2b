package dev.netchat.web.error;

import dev.netchat.shared.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The one place problem documents (RFC 9457) are made, for REST answers, servlet filters ({@link #json}) and
 * socket error frames alike. Each kind of error has a stable {@code type} URI (listed in the OpenAPI document),
 * so a client tells refusals apart without reading their words.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String TYPE_PREFIX = "urn:netchat:problem:";

    /** Looked up once (see Frames): the socket's error frames are built from here. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The refusal of a session renewal whose account an administrator disabled (not merely a spent session). */
    public static final String ACCOUNT_DISABLED = TYPE_PREFIX + "account-disabled";

    private Problems() {}

    /** The type URI of an error of this status: one per kind that API.md lists, and two catch-alls. */
    public static String typeOf(int status) {
        return TYPE_PREFIX
                + switch (status) {
                    case 400 -> "invalid-input";
                    case 401 -> "not-authenticated";
                    case 403 -> "not-allowed";
                    case 404 -> "not-found";
                    case 405 -> "method-not-allowed";
                    case 406 -> "not-acceptable";
                    case 409 -> "conflict";
                    case 413 -> "too-large";
                    case 415 -> "unsupported-media-type";
                    case 429 -> "too-many-requests";
                    case 503 -> "unavailable";
                    default -> status >= 500 ? "server-error" : "bad-request";
                };
    }

    /** A problem of the kind its status says. */
    public static ProblemDto problem(
            int status, String title, String detail, String instance, List<FieldError> errors) {
        return problem(status, typeOf(status), title, detail, instance, errors);
    }

    /** A problem of a stated type, for refusals that share a status with others but mean something else. */
    public static ProblemDto problem(
            int status, String type, String title, String detail, String instance, List<FieldError> errors) {
        return new ProblemDto(
                type, title, status, detail, instance, errors == null ? List.of() : List.copyOf(errors), null);
    }

    /** The same document with the {@link dev.netchat.shared.NetChatException#kind kind} of what went wrong. */
    public static ProblemDto withKind(ProblemDto problem, String kind) {
        return new ProblemDto(
                problem.type(),
                problem.title(),
                problem.status(),
                problem.detail(),
                problem.instance(),
                problem.errors(),
                kind);
    }

    /** The document as JSON text, for answers written outside JAX-RS (servlet filters). */
    public static String json(ProblemDto problem) {
        return toJson(problem).toString();
    }

    /** The document as a JSON object, for a frame that carries it. */
    public static JsonObject toJson(ProblemDto problem) {
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        problem.errors()
                .forEach(e -> errors.add(
                        JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", problem.type())
                .add("title", problem.title())
                .add("status", problem.status())
                .add("detail", problem.detail());
        if (problem.instance() != null) {
            body.add("instance", problem.instance());
        }
        if (problem.kind() == null) {
            body.addNull("kind");
        } else {
            body.add("kind", problem.kind());
        }
        return body.add("errors", errors).build();
    }

    /** A REST answer of a stated type (no field errors). */
    public static Response.ResponseBuilder of(int status, String type, String title, String detail, UriInfo uri) {
        return answer(problem(status, type, title, detail, instance(uri), List.of()));
    }

    /** A REST answer of the kind its status says. */
    public static Response.ResponseBuilder of(
            int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return answer(problem(status, title, detail, instance(uri), errors));
    }

    /** The REST answer to one of NetChat's own failures, for a filter that refuses a request itself. */
    public static Response.ResponseBuilder of(dev.netchat.shared.NetChatException e, UriInfo uri) {
        return answer(NetChatExceptionMapper.problemOf(e, instance(uri)));
    }

    static Response.ResponseBuilder answer(ProblemDto problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem);
    }

    private static String instance(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
