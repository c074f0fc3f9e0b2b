package dev.netchat.web.error;

import dev.netchat.shared.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A request body that breaks its Bean Validation constraints (checked by the runtime before the resource runs:
 * a missing body, and what the request records declare) becomes the same 400 problem as the services' own
 * validation, with one {@code errors[]} entry per field. Rules that need the database stay in the services.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail =
                errors.size() == 1 ? errors.get(0).message() : "The request has " + errors.size() + " invalid fields.";
        return Problems.of(400, "Invalid input", detail, uri, errors).build();
    }

    /**
     * The field as the client named it: the property path inside the body ({@code notifications.sms}), or
     * {@code body} when the body itself is missing. The method and parameter nodes are the server's own names.
     */
    static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                inBody = true;
            } else if (inBody && node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
