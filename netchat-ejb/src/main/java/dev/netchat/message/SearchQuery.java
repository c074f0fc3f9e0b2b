package dev.netchat.message;

import dev.netchat.shared.FieldError;
import dev.netchat.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed into the search box, taken apart: the words to match and the filters Slack and Mattermost
 * users already know. {@code in:#channel} (or {@code in:channel}), {@code from:@user} (or {@code from:user}),
 * {@code before:YYYY-MM-DD} and {@code after:YYYY-MM-DD} (both exclusive of the day, as in Slack),
 * {@code on:YYYY-MM-DD}, and {@code has:file}. Everything else, {@code "quoted phrases"} and {@code -excluded}
 * words included, is the text, handed to the database's full-text search as typed. A word that merely looks like
 * an operator ({@code http://x}, {@code ratio:3}) stays text.
 *
 * @param text       the words to match, operators removed; empty when only filters were given
 * @param channel    the channel name after {@code in:}, without {@code #}, lower case; null if none
 * @param author     the username after {@code from:}, without {@code @}, lower case; null if none
 * @param before     matches created before this day (UTC), exclusive; null if none
 * @param after      matches created after this day (UTC), exclusive; null if none
 * @param hasFile    only messages with an attachment
 */
public record SearchQuery(
        String text, String channel, String author, LocalDate before, LocalDate after, boolean hasFile) {

    /** Longest query accepted, in characters: a search box, not a document. */
    public static final int MAX_LENGTH = 200;

    // An operator is a known keyword, a colon and a value that is either quoted or runs to the next space.
    private static final Pattern OPERATOR =
            Pattern.compile("(?<=^|\\s)(in|from|before|after|on|has):(\"[^\"]*\"|\\S+)", Pattern.CASE_INSENSITIVE);

    public static SearchQuery parse(String raw) {
        String q = raw == null ? "" : raw.strip();
        if (q.isEmpty() || q.length() > MAX_LENGTH) {
            throw InvalidInputException.of("q", "q must be 1 to " + MAX_LENGTH + " characters long.");
        }
        String channel = null;
        String author = null;
        LocalDate before = null;
        LocalDate after = null;
        boolean hasFile = false;
        List<FieldError> errors = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher m = OPERATOR.matcher(q);
        int last = 0;
        while (m.find()) {
            text.append(q, last, m.start()).append(' ');
            last = m.end();
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = unquote(m.group(2)).strip();
            switch (key) {
                case "in" -> channel = stripPrefix(value, '#');
                case "from" -> author = stripPrefix(value, '@');
                case "before" -> before = day(value, "before", errors);
                case "after" -> after = day(value, "after", errors);
                case "on" -> {
                    LocalDate day = day(value, "on", errors);
                    if (day != null) {
                        after = day.minusDays(1);
                        before = day.plusDays(1);
                    }
                }
                case "has" -> {
                    if (value.equalsIgnoreCase("file") || value.equalsIgnoreCase("files")) {
                        hasFile = true;
                    } else {
                        errors.add(new FieldError("q", "has: takes \"file\"."));
                    }
                }
                default -> throw new IllegalStateException(key);
            }
        }
        text.append(q.substring(last));
        if (channel != null && channel.isEmpty() || author != null && author.isEmpty()) {
            errors.add(new FieldError("q", "in: and from: need a name."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SearchQuery(
                text.toString().replaceAll("\\s+", " ").strip(), channel, author, before, after, hasFile);
    }

    /** The words a client may highlight in a result: the text without quotes, exclusions or operators. */
    public List<String> highlightTerms() {
        List<String> terms = new ArrayList<>();
        for (String word : text.replace("\"", " ").split("\\s+")) {
            if (!word.isBlank() && !word.startsWith("-") && !word.equalsIgnoreCase("or")) {
                terms.add(word);
            }
        }
        return terms;
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    private static String stripPrefix(String value, char prefix) {
        String v = !value.isEmpty() && value.charAt(0) == prefix ? value.substring(1) : value;
        return v.toLowerCase(Locale.ROOT);
    }

    private static LocalDate day(String value, String key, List<FieldError> errors) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("q", key + ": takes a date such as 2026-12-31."));
            return null;
        }
    }
}
