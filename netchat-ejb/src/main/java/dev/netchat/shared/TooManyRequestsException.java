package dev.netchat.shared;

/** The caller has tried too often; it may try again after the given number of seconds. */
public class TooManyRequestsException extends NetChatException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String title() {
        return "Too many requests";
    }
}
