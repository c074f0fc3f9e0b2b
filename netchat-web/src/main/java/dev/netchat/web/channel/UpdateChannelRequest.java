package dev.netchat.web.channel;

import jakarta.json.bind.annotation.JsonbProperty;

/** PATCH /api/channels/{id}: absent fields stay. */
public record UpdateChannelRequest(
        String name,
        String description,
        @JsonbProperty("private") Boolean isPrivate) {}
