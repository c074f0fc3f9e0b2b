package dev.netchat.event;

import java.util.List;

/**
 * An event without seq that is not stored (channel.created, read.updated…), for the given users;
 * {@code exceptSessionId}, when set, skips that sign-in session's sockets (the one that caused it).
 */
public record EphemeralEventRecorded(List<String> userIds, String json, String exceptSessionId) {}
