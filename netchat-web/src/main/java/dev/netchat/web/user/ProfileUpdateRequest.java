package dev.netchat.web.user;

/** PATCH /api/users/me: absent (null) fields stay; an empty phoneNumber, avatarURL or timeZone removes it. */
public record ProfileUpdateRequest(String fullName, String phoneNumber, String avatarURL, NotificationsDto notifications, String timeZone) {}
