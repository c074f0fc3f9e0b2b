package dev.netchat.web.shared;

import dev.netchat.shared.InvalidInputException;

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
}
