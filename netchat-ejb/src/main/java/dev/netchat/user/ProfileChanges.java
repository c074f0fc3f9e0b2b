package dev.netchat.user;

/**
 * A partial profile update: a null field stays as it is; an empty phone number or avatar URL removes it.
 * {@code smsNotifications} is one of off, mentions, all.
 */
public record ProfileChanges(String fullName, String phoneNumber, String avatarUrl, String smsNotifications) {}
