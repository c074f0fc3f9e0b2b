package dev.netchat.shared;

import java.util.Locale;

/** "Contains" for SQL LIKE with {@code escape '\'}: the user's text matches literally, % and _ included. */
public final class LikePattern {

    private LikePattern() {}

    public static String containing(String text) {
        return "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }
}
