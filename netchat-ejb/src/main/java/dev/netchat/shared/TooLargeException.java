package dev.netchat.shared;

/** A request body, file or message larger than NetChat accepts (413). */
public class TooLargeException extends NetChatException {

    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Payload too large";
    }
}
