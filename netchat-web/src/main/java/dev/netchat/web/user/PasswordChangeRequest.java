package dev.netchat.web.user;

/** POST /api/users/me/password. */
public record PasswordChangeRequest(String currentPassword, String newPassword) {}
