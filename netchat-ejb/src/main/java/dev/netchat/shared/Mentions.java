package dev.netchat.shared;

import java.util.regex.Pattern;

/**
 * When a text mentions a person: {@code @username} as a word of its own, in any letter case, or
 * {@code @channel} (everyone in the channel) or {@code @here} (everyone in it who is online now). The web client
 * applies the same rule to live messages (webapp/src/lib/cache-updates.ts), so the mark it shows for a live
 * message and the count the server gives after a reload agree. "channel" and "here" are reserved usernames.
 */
public final class Mentions {

    /** Channels larger than this accept {@code @channel} and {@code @here} only from their creator or an admin. */
    public static final int OPEN_BROADCAST_MAX_MEMBERS = 50;

    private Mentions() {}

    /** {@code @channel} or {@code @here}: the text calls on the whole channel. */
    public static boolean broadcast(String text) {
        return mentions(text, "channel") || mentions(text, "here");
    }

    /** The text calls on the user: by name, or by {@code @channel} / {@code @here}. */
    public static boolean addresses(String text, String username) {
        return mentions(text, username) || broadcast(text);
    }

    /** Not preceded by a word character or another @, not followed by a word character or a dash. */
    public static boolean mentions(String text, String username) {
        if (text == null || username == null || username.isEmpty()) {
            return false;
        }
        return Pattern.compile("(^|[^\\w@])@" + Pattern.quote(username) + "(?![\\w-])", Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }
}
