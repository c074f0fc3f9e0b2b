package dev.netchat.channel;

import java.util.List;

/** POST /api/channels, as sent. */
public record NewChannel(String type, String name, String description, Boolean isPrivate, List<String> memberIds) {}
