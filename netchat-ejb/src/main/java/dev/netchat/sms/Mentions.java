package dev.netchat.sms;

import java.util.regex.Pattern;

/** Whether a message's text mentions a user: {@code @username} as a whole word, case-insensitive. */
public final class Mentions {

    private Mentions() {}

    public static boolean mentions(String text, String username) {
        if (text == null || username == null || username.isEmpty()) {
            return false;
        }
        return Pattern.compile("(?<![\\w@])@" + Pattern.quote(username) + "(?![\\w-]|\\.\\w)", Pattern.CASE_INSENSITIVE)
                .matcher(text)
                .find();
    }
}
