package dev.netchat.user;

import dev.netchat.shared.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The input rules of ../shared/API.md "Accounts". Each check returns the error for its field, or null;
 * callers collect them so that one response names every bad field at once.
 */
public final class UserRules {

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 32;
    public static final int PASSWORD_MIN_BYTES = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated, so it is refused. */
    public static final int PASSWORD_MAX_BYTES = 72;

    public static final int FULL_NAME_MAX = 100;
    public static final int AVATAR_URL_MAX = 2048;
    public static final int TIME_ZONE_MAX = 64;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private UserRules() {}

    /** Usernames are compared ignoring case, so they are stored lowercase. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    public static FieldError checkUsername(String normalized) {
        if (normalized == null || normalized.isEmpty()) {
            return new FieldError("username", "Username is required.");
        }
        if (normalized.length() < USERNAME_MIN || normalized.length() > USERNAME_MAX) {
            return new FieldError("username", "Username must be 3 to 32 characters long.");
        }
        if (!USERNAME.matcher(normalized).matches()) {
            return new FieldError("username", "Username may contain only letters a-z, digits, '.', '_' and '-'.");
        }
        return null;
    }

    public static FieldError checkPassword(String field, String password) {
        if (password == null || password.isEmpty()) {
            return new FieldError(field, "Password is required.");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < PASSWORD_MIN_BYTES) {
            return new FieldError(field, "Password must be at least 8 bytes long.");
        }
        if (bytes > PASSWORD_MAX_BYTES) {
            return new FieldError(field, "Password must be at most 72 bytes long.");
        }
        return null;
    }

    public static FieldError checkFullName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return new FieldError("fullName", "Full name is required.");
        }
        if (fullName.strip().length() > FULL_NAME_MAX) {
            return new FieldError("fullName", "Full name must be at most 100 characters long.");
        }
        if (fullName.chars().anyMatch(Character::isISOControl)) {
            return new FieldError("fullName", "Full name must not contain control characters.");
        }
        return null;
    }

    /** Optional: null or empty means "no phone number". */
    public static FieldError checkPhoneNumber(String phoneNumber) {
        if (phoneNumber == null
                || phoneNumber.isEmpty()
                || E164.matcher(phoneNumber).matches()) {
            return null;
        }
        return new FieldError("phoneNumber", "Phone number must be in E.164 form, such as +15551234567.");
    }

    /** Optional: null or empty means "no avatar". Only absolute http(s) URLs, never javascript: or data:. */
    public static FieldError checkAvatarUrl(String avatarUrl) {
        if (avatarUrl == null || avatarUrl.isEmpty()) {
            return null;
        }
        if (avatarUrl.length() > AVATAR_URL_MAX) {
            return new FieldError("avatarURL", "Avatar URL must be at most 2048 characters long.");
        }
        try {
            URI uri = new URI(avatarUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // falls through to the error below
        }
        return new FieldError("avatarURL", "Avatar URL must be an http or https URL.");
    }

    /**
     * Optional: null or empty means "not given". Only region-based IANA ids that the JDK knows (Europe/Paris,
     * America/New_York, UTC), never offsets such as +02:00, which do not follow daylight saving time.
     */
    public static FieldError checkTimeZone(String timeZone) {
        if (timeZone == null || timeZone.isEmpty()) {
            return null;
        }
        if (timeZone.length() <= TIME_ZONE_MAX
                && java.time.ZoneId.getAvailableZoneIds().contains(timeZone)) {
            return null;
        }
        return new FieldError("timeZone", "Time zone must be an IANA time zone id, such as Europe/Paris.");
    }

    public static final int STATUS_TEXT_MAX = 100;
    /** Room for the longest emoji sequences (a family with skin tones is 11 UTF-16 units, flags of regions 14). */
    public static final int STATUS_EMOJI_MAX = 16;

    /**
     * One emoji as a person picks it: pictographic symbols, joined by zero-width joiners, with variation
     * selectors, skin tones, keycaps and regional-indicator flags; no letters, digits alone or markup.
     */
    public static FieldError checkStatusEmoji(String emoji) {
        if (emoji == null) {
            return null;
        }
        boolean pictograph = false;
        boolean ok = !emoji.isEmpty() && emoji.length() <= STATUS_EMOJI_MAX;
        for (int i = 0; ok && i < emoji.length(); ) {
            int cp = emoji.codePointAt(i);
            i += Character.charCount(cp);
            // A symbol, a regional indicator (flags) or the keycap mark (1️⃣) makes it an emoji.
            if (Character.getType(cp) == Character.OTHER_SYMBOL || (cp >= 0x1F1E6 && cp <= 0x1F1FF) || cp == 0x20E3) {
                pictograph = true;
            } else if (!(cp == 0x200D
                    || cp == 0xFE0F
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF)
                    || (cp >= 0xE0020 && cp <= 0xE007F)
                    || cp == '#'
                    || cp == '*'
                    || (cp >= '0' && cp <= '9'))) {
                ok = false;
            }
        }
        return ok && pictograph ? null : new FieldError("emoji", "emoji must be one emoji, such as 🌴.");
    }

    public static FieldError checkStatusText(String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()
                || text.strip().length() > STATUS_TEXT_MAX
                || text.chars().anyMatch(Character::isISOControl)) {
            return new FieldError("text", "text must be 1 to " + STATUS_TEXT_MAX + " characters on one line.");
        }
        return null;
    }

    /** The non-null errors of the given checks, in order. */
    public static List<FieldError> collect(FieldError... checks) {
        return java.util.Arrays.stream(checks)
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
