package dev.netchat.web.error;

import dev.netchat.shared.ConflictException;
import dev.netchat.shared.FieldError;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NetChatException;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotAuthenticatedException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.shared.TooLargeException;
import dev.netchat.shared.TooManyRequestsException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** NetChat's own failures, each to the status its meaning calls for, with its field errors and its kind. */
@Provider
public class NetChatExceptionMapper implements ExceptionMapper<NetChatException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NetChatException e) {
        Response.ResponseBuilder answer = Problems.answer(
                problemOf(e, uri == null ? null : uri.getRequestUri().getRawPath()));
        if (e instanceof NotAuthenticatedException) {
            answer.header("WWW-Authenticate", "Bearer realm=\"netchat\"");
        }
        if (e instanceof TooManyRequestsException tooMany) {
            answer.header("Retry-After", tooMany.retryAfterSeconds());
        }
        return answer.build();
    }

    /** The problem document for a failure at {@code instance} (the request's path). */
    static ProblemDto problemOf(NetChatException e, String instance) {
        List<FieldError> errors = e instanceof InvalidInputException invalid
                ? invalid.errors()
                : e instanceof ConflictException conflict ? conflict.errors() : List.of();
        return Problems.withKind(Problems.problem(statusOf(e), e.title(), e.getMessage(), instance, errors), e.kind());
    }

    static int statusOf(NetChatException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof NotAuthenticatedException) {
            return 401;
        }
        if (e instanceof NotAllowedException) {
            return 403;
        }
        if (e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof TooLargeException) {
            return 413;
        }
        if (e instanceof TooManyRequestsException) {
            return 429;
        }
        return 400;
    }
}
