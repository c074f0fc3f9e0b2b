package dev.netchat.web.channel;

/** POST /api/channels/{id}/read: the caller has read up to seq. */
public record ReadRequest(Long seq) {}
