package dev.netchat.shared;

import java.util.regex.Pattern;

/**
 * When a text mentions a person: {@code @username} as a word of its own, in any letter case. The web client
 * applies the same rule to live messages (webapp/src/lib/cache-updates.ts), so the mark it shows for a live
 * message and the count the server gives after a reload agree.
 */
public final class Mentions {

    private Mentions() {}

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
