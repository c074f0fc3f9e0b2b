package dev.netchat.shared;

import java.util.Locale;

/**
 * What was asked for does not exist, or the caller may not know that it does. Made by the factory that names
 * what was missing ({@link #channel()}, {@link #message()}, ...): its {@link #kind()} goes out with the problem
 * document, so a client and a log tell "no such channel" from "no such message" without reading a sentence.
 */
public class NotFoundException extends NetChatException {

    private static final long serialVersionUID = 1L;

    /** What was not found; its kind is the lower-case name with hyphens ({@code deleted-message}). */
    public enum What {
        CHANNEL,
        MESSAGE,
        DELETED_MESSAGE,
        USER,
        MEMBER,
        FILE,
        PICTURE,
        OUTBOX_ENTRY,
        INTEGRATION;

        public String kind() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final What what;

    private NotFoundException(What what, String message) {
        super(message);
        this.what = what;
    }

    /** A channel that does not exist or that the caller does not belong to (the two look the same). */
    public static NotFoundException channel() {
        return new NotFoundException(What.CHANNEL, "No such channel.");
    }

    /** A public channel to join that does not exist (a private one looks the same). */
    public static NotFoundException publicChannel() {
        return new NotFoundException(What.CHANNEL, "No such public channel.");
    }

    public static NotFoundException message() {
        return new NotFoundException(What.MESSAGE, "No such message.");
    }

    /** A message that was deleted: it may no longer be edited, pinned, saved or reacted to. */
    public static NotFoundException deletedMessage() {
        return new NotFoundException(What.DELETED_MESSAGE, "This message was deleted.");
    }

    public static NotFoundException user() {
        return new NotFoundException(What.USER, "No such user.");
    }

    /** An admin's lookup by id or username, which says what it looked for. */
    public static NotFoundException user(String idOrUsername) {
        return new NotFoundException(What.USER, "No user " + idOrUsername.strip() + ".");
    }

    /** A user who is not a member of the channel in question. */
    public static NotFoundException member() {
        return new NotFoundException(What.MEMBER, "This user is not a member of the channel.");
    }

    public static NotFoundException file() {
        return new NotFoundException(What.FILE, "No such file.");
    }

    /** A file without the asked-for variant (a thumbnail of a file that is not a picture). */
    public static NotFoundException fileVariant(String variant) {
        return new NotFoundException(What.FILE, "This file has no " + variant + ".");
    }

    /** A picture (an avatar or a link preview's) that is not there or not fetched; the sentence says which. */
    public static NotFoundException picture(String why) {
        return new NotFoundException(What.PICTURE, why);
    }

    public static NotFoundException outboxEntry(long id) {
        return new NotFoundException(What.OUTBOX_ENTRY, "No failed outbox entry " + id + ".");
    }

    /** A call for an integration (Twilio, the Stream Chat bridge) that this server has not configured. */
    public static NotFoundException integration(String name) {
        return new NotFoundException(What.INTEGRATION, name + " is not configured.");
    }

    @Override
    public String kind() {
        return what.kind();
    }

    @Override
    public String title() {
        return "Not found";
    }
}
