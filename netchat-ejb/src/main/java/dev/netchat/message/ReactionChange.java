package dev.netchat.message;

/** Which reaction changed, by whom (the {@code reaction} of reaction frames). */
public record ReactionChange(String type, String userId) {}
