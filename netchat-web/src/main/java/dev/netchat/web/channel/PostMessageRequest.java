package dev.netchat.web.channel;

/** POST /api/channels/{id}/messages. */
public record PostMessageRequest(String text, String clientMessageId, String parentId, java.util.List<String> attachmentIds) {}
