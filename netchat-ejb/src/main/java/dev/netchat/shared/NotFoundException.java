package dev.netchat.shared;

/** The thing asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends NetChatException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Not found";
    }
}
