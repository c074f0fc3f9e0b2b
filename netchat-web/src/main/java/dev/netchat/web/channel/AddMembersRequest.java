package dev.netchat.web.channel;

import java.util.List;

/** POST /api/channels/{id}/members. */
public record AddMembersRequest(List<String> userIds) {}
