package dev.netchat.message;

/**
 * A committed message links to {@code url} and wants its preview: fired by {@link MessageService} inside the
 * post's or edit's transaction and acted on after commit, off the request thread (dev.netchat.preview).
 */
public record LinkPreviewWanted(String messageId, String channelId, String url) {}
