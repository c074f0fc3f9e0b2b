package dev.netchat.web.channel;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** POST /api/channels. */
public record CreateChannelRequest(
        String type,
        String name,
        String description,
        @JsonbProperty("private") Boolean isPrivate,
        List<String> memberIds) {}
