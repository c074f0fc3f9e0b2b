package dev.netchat.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times on the wire: ISO-8601 UTC with milliseconds, as ../shared/API.md shows them. */
public final class Times {

    private Times() {}

    public static String iso(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        String text = millis.toString();
        // Instant.toString drops a zero fraction; clients parse a fixed shape more easily.
        return millis.getNano() == 0 ? text.replace("Z", ".000Z") : text;
    }
}
