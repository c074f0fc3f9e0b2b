package dev.netchat.sms;

/**
 * The words of an SMS: {@code [NetChat] ann in #general: first 100 characters... <link>}, or, when later messages
 * within the interval were folded into it, {@code [NetChat] 3 new messages in #general, latest from ann: ...}.
 * A cut is marked with three dots, not "…": the ellipsis is not in the GSM-7 alphabet and would turn a whole
 * SMS into UCS-2, halving the characters per segment. (A text that is not GSM-7 anyway keeps "…".)
 */
public final class SmsText {

    static final int EXCERPT = 100;

    private SmsText() {}

    public static String compose(String author, String where, String text, int count, String link) {
        String excerpt = excerpt(text);
        if (count <= 1) {
            return "[NetChat] " + author + " in " + where + ": " + excerpt + " " + link;
        }
        return "[NetChat] " + count + " new messages in " + where + ", latest from " + author + ": " + excerpt + " "
                + link;
    }

    /** A message of files only says so ("sent a file"), rather than nothing. */
    public static String withFiles(String text, int files) {
        if (files == 0 || !text.isBlank()) {
            return text;
        }
        return files == 1 ? "sent a file" : "sent " + files + " files";
    }

    /** The first 100 characters (code points, never half a character) on one line, with ... (or …) when cut. */
    static String excerpt(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.codePointCount(0, oneLine.length()) <= EXCERPT) {
            return oneLine;
        }
        String cut =
                oneLine.substring(0, oneLine.offsetByCodePoints(0, EXCERPT)).stripTrailing();
        return cut + (Gsm7.encodable(cut) ? "..." : "…");
    }
}
