package dev.netchat.web.channel;

/**
 * PUT /api/channels/{id}/notifications: {@code level} all, mentions, off, or default (follow the caller's own
 * level); {@code muted}: no notification at all from this channel (desktop or SMS).
 */
public record ChannelNotificationsRequest(String level, Boolean muted) {}
