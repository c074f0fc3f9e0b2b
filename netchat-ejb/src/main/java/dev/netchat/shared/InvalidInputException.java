package dev.netchat.shared;

import java.util.List;

/** The request broke one or more input rules; each broken rule names its field. */
public class InvalidInputException extends NetChatException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : "The request has " + errors.size() + " invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
