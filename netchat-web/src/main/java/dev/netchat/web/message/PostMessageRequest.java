package dev.netchat.web.message;

/**
 * POST /api/channels/{id}/messages. {@code linkPreview}: false when the author wants no link preview on this
 * message (absent or null: a preview of its first link is fetched).
 */
public record PostMessageRequest(
        String text,
        String clientMessageId,
        String parentId,
        java.util.List<String> attachmentIds,
        Boolean linkPreview) {}
