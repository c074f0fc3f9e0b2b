package dev.netchat.web.auth;

/** POST /api/auth/login. */
public record LoginRequest(String username, String password) {}
