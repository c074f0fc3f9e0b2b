package dev.netchat.user;

/**
 * A user set or cleared its custom status (fired inside the change's transaction, for whoever tells others:
 * {@code presence.StatusAnnouncer}). {@code status} is null once cleared.
 */
public record StatusChanged(String userId, UserStatus status) {}
