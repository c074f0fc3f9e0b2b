package dev.netchat.channel;

import java.util.List;

/** Fired inside the transaction that created a channel, with its first members. */
public record ChannelCreated(String channelId, ChannelType type, String name, String createdBy, List<String> memberIds) {}
