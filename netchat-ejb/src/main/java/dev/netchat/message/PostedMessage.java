package dev.netchat.message;

/** The message, and whether this call created it (false: the clientMessageId was seen before). */
public record PostedMessage(MessageDto message, boolean created) {}
