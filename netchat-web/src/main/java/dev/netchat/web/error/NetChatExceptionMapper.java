package dev.netchat.web.error;

import dev.netchat.shared.ConflictException;
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

/** NetChat's own failures, each to the status its meaning calls for. */
@Provider
public class NetChatExceptionMapper implements ExceptionMapper<NetChatException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NetChatException e) {
        if (e instanceof InvalidInputException invalid) {
            return Problems.of(400, e.title(), e.getMessage(), uri, invalid.errors())
                    .build();
        }
        if (e instanceof ConflictException conflict) {
            return Problems.of(409, e.title(), e.getMessage(), uri, conflict.errors())
                    .build();
        }
        if (e instanceof NotAuthenticatedException) {
            return Problems.of(401, e.title(), e.getMessage(), uri, List.of())
                    .header("WWW-Authenticate", "Bearer realm=\"netchat\"")
                    .build();
        }
        if (e instanceof TooManyRequestsException tooMany) {
            return Problems.of(429, e.title(), e.getMessage(), uri, List.of())
                    .header("Retry-After", tooMany.retryAfterSeconds())
                    .build();
        }
        int status = e instanceof TooLargeException
                ? 413
                : e instanceof NotAllowedException ? 403 : e instanceof NotFoundException ? 404 : 400;
        return Problems.of(status, e.title(), e.getMessage(), uri, List.of()).build();
    }
}
