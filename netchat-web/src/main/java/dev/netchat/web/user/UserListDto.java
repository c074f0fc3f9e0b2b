package dev.netchat.web.user;

import java.util.List;

/** GET /api/users. */
public record UserListDto(List<UserDto> users) {}
