package dev.netchat.message;

import java.util.regex.Pattern;

/** Input rules for messages and reactions. */
public final class MessageRules {

    public static final int CLIENT_MESSAGE_ID_MAX = 64;
    private static final Pattern REACTION = Pattern.compile("[a-z0-9_+-]{1,32}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private MessageRules() {}

    public static boolean validReaction(String type) {
        return type != null && REACTION.matcher(type).matches();
    }

    public static boolean validClientMessageId(String id) {
        return id != null && CLIENT_ID.matcher(id).matches();
    }
}
