package dev.netchat.web.user;

/** PUT /api/users/me/status: an emoji, a text or both, and optionally when the status clears itself. */
public record StatusRequest(String emoji, String text, String expiresAt) {}
