package dev.netchat.event;

import java.util.List;

/**
 * A committed-to-be channel event: its frame as sent to clients ({@code json}), and the users who may see
 * it (the channel's members when it happened, plus a removed member for member.removed).
 */
public record ChannelEventRecorded(String channelId, long seq, String type, String json, List<String> recipientIds) {}
