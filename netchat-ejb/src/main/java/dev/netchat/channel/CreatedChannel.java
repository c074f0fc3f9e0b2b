package dev.netchat.channel;

/** The channel, and whether this call created it (a direct conversation may already exist). */
public record CreatedChannel(ChannelDto channel, boolean created) {}
