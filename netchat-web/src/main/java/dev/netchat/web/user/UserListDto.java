package dev.netchat.web.user;

import dev.netchat.user.UserDto;
import java.util.List;

/** GET /api/users. */
public record UserListDto(List<UserDto> users) {}
