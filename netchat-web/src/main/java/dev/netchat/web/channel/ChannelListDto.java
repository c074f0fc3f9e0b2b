package dev.netchat.web.channel;

import dev.netchat.channel.ChannelDto;
import java.util.List;

/** GET /api/channels and /api/channels/discover. */
public record ChannelListDto(List<ChannelDto> channels) {}
