package dev.netchat.shared;

import java.util.Locale;

/**
 * The caller is known but may not do this. The {@link Why} goes out as the problem document's {@code kind}, so a
 * client and a log tell the reasons apart without reading the sentence.
 */
public class NotAllowedException extends NetChatException {

    private static final long serialVersionUID = 1L;

    /** Why not; its kind is the lower-case name with hyphens ({@code author-only}). */
    public enum Why {
        /** Only the channel's creator or an admin may do this. */
        MANAGERS_ONLY,
        /** Only the message's author may do this. */
        AUTHOR_ONLY,
        /** Only the message's author, the channel's creator or an admin may do this. */
        AUTHOR_OR_MANAGERS,
        /** Only an admin may do this. */
        ADMIN_ONLY,
        ACCOUNT_DISABLED,
        /** The account must choose a new password before anything else. */
        PASSWORD_CHANGE_REQUIRED,
        /** Not to one's own account (an admin deleting themselves). */
        OWN_ACCOUNT,
        /** A provider's callback whose signature does not validate. */
        BAD_SIGNATURE;

        public String kind() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Why why;

    public NotAllowedException(Why why, String message) {
        super(message);
        this.why = why;
    }

    @Override
    public String kind() {
        return why.kind();
    }

    @Override
    public String title() {
        return "Not allowed";
    }
}
