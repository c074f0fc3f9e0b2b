package dev.netchat.shared;

import java.util.List;

/** The request collides with existing state, such as a username that is taken. */
public class ConflictException extends NetChatException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ConflictException(String field, String message) {
        super(message);
        this.errors = field == null ? List.of() : List.of(new FieldError(field, message));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
