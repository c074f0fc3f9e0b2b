package dev.netchat.event;

/**
 * An account's status (disabled, role, must change password, deleted) changed: every node drops what it
 * cached about it. Carried by the bus; observed locally by the account-status cache.
 */
public record AccountChanged(String userId) {}
