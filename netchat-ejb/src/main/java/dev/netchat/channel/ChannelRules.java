package dev.netchat.channel;

import dev.netchat.shared.FieldError;
import java.util.Locale;
import java.util.regex.Pattern;

/** Input rules for channels. */
public final class ChannelRules {

    public static final int NAME_MAX = 80;
    public static final int DESCRIPTION_MAX = 1000;
    public static final int MEMBERS_PER_REQUEST_MAX = 500;

    private static final Pattern TEAM_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private ChannelRules() {}

    /** Team names are lowercase, like "general" or "team-berlin"; spaces become dashes. */
    public static String normalizeTeamName(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    public static FieldError checkTeamName(String normalized) {
        if (normalized == null || normalized.isEmpty()) {
            return new FieldError("name", "A team channel needs a name.");
        }
        if (normalized.length() > NAME_MAX) {
            return new FieldError("name", "Channel names are at most 80 characters long.");
        }
        if (!TEAM_NAME.matcher(normalized).matches()) {
            return new FieldError("name", "Channel names may contain only letters a-z, digits, '-' and '_'.");
        }
        return null;
    }

    public static FieldError checkConversationName(String name) {
        if (name != null && (name.strip().length() > NAME_MAX || name.chars().anyMatch(Character::isISOControl))) {
            return new FieldError("name", "Conversation names are at most 80 printable characters.");
        }
        return null;
    }

    public static FieldError checkDescription(String description) {
        if (description != null && description.length() > DESCRIPTION_MAX) {
            return new FieldError("description", "Descriptions are at most 1000 characters long.");
        }
        return null;
    }
}
