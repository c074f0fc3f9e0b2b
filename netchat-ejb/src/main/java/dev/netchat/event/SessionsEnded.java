package dev.netchat.event;

/**
 * Sign-in sessions of a user ended (logout, password change, disabled account): their sockets must close.
 * {@code sessionId} set: only that session; otherwise every session except {@code keepSessionId} (may be null).
 */
public record SessionsEnded(String userId, String sessionId, String keepSessionId, String reason) {}
