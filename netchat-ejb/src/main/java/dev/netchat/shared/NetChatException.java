package dev.netchat.shared;

import jakarta.ejb.ApplicationException;

/**
 * Base of every failure NetChat reports to a caller. Marked as an application exception so the container
 * rolls the transaction back and hands it to the caller as it is, not wrapped in an EJBException.
 * Subclasses say what happened; the web layer maps each to its HTTP status.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class NetChatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected NetChatException(String message) {
        super(message, null, false, false);
    }

    /**
     * What in particular went wrong, stable across versions ({@code channel} for a missing channel, {@code
     * author-only} for an edit by someone else), or null where the kind of exception says it all. Sent as the
     * problem document's {@code kind}.
     */
    public String kind() {
        return null;
    }

    /** A short, stable, human-readable title for the problem type. */
    public abstract String title();
}
