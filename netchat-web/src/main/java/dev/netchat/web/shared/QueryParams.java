package dev.netchat.web.shared;

import dev.netchat.shared.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Query parameters parsed by hand: JAX-RS answers 404 when it cannot convert a query parameter, but a
 * malformed number is bad input (400) naming its field.
 */
public final class QueryParams {

    private QueryParams() {}

    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw InvalidInputException.of(name, name + " must be a whole number.");
        }
    }

    /** An optional whole number: absent or empty is null. */
    public static Long optionalLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, name + " must be a whole number.");
        }
    }

    public static Integer optionalInteger(String name, String value) {
        Long parsed = optionalLong(name, value);
        if (parsed == null) {
            return null;
        }
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw InvalidInputException.of(name, name + " is out of range.");
        }
        return parsed.intValue();
    }

    /** An optional instant such as 2026-12-31T23:59:59Z (a list's paging cursor): absent or empty is null. */
    public static Instant optionalInstant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, name + " must be an instant such as 2026-12-31T23:59:59Z.");
        }
    }
}
