package dev.netchat.web.auth;

/** POST /api/auth/signup. */
public record SignupRequest(String fullName, String username, String password, String phoneNumber, String avatarURL) {}
