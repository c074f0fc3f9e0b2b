package dev.netchat.channel;

/** PATCH /api/channels/{id}: null fields stay as they are. */
public record ChannelChanges(String name, String description, Boolean isPrivate) {}
