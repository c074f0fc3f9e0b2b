package dev.netchat.shared;

/** The caller is known but may not do this (for example, a disabled account, or a user calling an admin API). */
public class NotAllowedException extends NetChatException {

    private static final long serialVersionUID = 1L;

    public NotAllowedException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Not allowed";
    }
}
