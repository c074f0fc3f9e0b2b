package dev.netchat.shared;

/** The caller proved no identity, or proved it wrongly (bad password, spent or unknown refresh token). */
public class NotAuthenticatedException extends NetChatException {

    private static final long serialVersionUID = 1L;

    public NotAuthenticatedException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Not authenticated";
    }
}
