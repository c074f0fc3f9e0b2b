package dev.netchat.user;

/**
 * A user's notification settings. {@code sms} and {@code desktop}: off, mentions (direct and group conversations
 * and mentions; the default) or all; a channel's own level and mute override them (PUT
 * /api/channels/{id}/notifications). {@code dndUntil}: do not disturb (no desktop notification, no SMS) until
 * this ISO-8601 time; null when off, and an empty string in a PATCH turns it off.
 */
public record NotificationsDto(String sms, String desktop, String dndUntil) {}
