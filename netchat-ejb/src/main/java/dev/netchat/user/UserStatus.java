package dev.netchat.user;

/** A custom status as others see it: an emoji, a text (either may be null) and when it clears (ISO, or null). */
public record UserStatus(String emoji, String text, String expiresAt) {}
