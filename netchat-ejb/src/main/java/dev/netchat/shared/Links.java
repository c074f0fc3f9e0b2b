package dev.netchat.shared;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web addresses in a message's text, read with the web client's markdown rules (webapp/src/lib/markdown.ts): a
 * bare http(s) address or the target of a {@code [text](https://…)} link becomes a link; inside {@code `code`} or
 * a {@code ```code block```} nothing does, so a link shown as code gets no preview either.
 */
public final class Links {

    /** Longer addresses are not previewed (and would not fit the column that keeps them). */
    public static final int MAX_URL_LENGTH = 2048;

    // In order: a code block, a code span, a markdown link's target, a bare address (trailing punctuation is not part
    // of it).
    private static final Pattern TOKENS = Pattern.compile(
            "```[\\s\\S]*?```|`[^`\\n]+`|\\[[^\\]\\n]+\\]\\((https?://[^)\\s]+)\\)|(https?://[^\\s<>\"]*[^\\s<>\".,:;!?'\")\\]])",
            Pattern.CASE_INSENSITIVE);

    private Links() {}

    /** The first web address the text links to outside code, if any (and not longer than {@link #MAX_URL_LENGTH}). */
    public static Optional<String> first(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            String url = m.group(1) != null ? m.group(1) : m.group(2);
            if (url != null) {
                return url.length() <= MAX_URL_LENGTH ? Optional.of(url) : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
