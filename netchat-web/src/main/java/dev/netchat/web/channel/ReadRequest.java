package dev.netchat.web.channel;

/** POST /api/channels/{id}/read: the caller has read up to seq. POST /api/channels/{id}/unread: seq is unread again. */
public record ReadRequest(Long seq) {}
