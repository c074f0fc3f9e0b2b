package dev.netchat.web.error;

import dev.netchat.shared.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem document; {@code errors} lists the bad fields of a validation failure, {@code kind} says
 * what in particular was missing or refused ({@code channel}, {@code author-only}; null where the type says all).
 */
public record ProblemDto(
        String type, String title, int status, String detail, String instance, List<FieldError> errors, String kind) {}
