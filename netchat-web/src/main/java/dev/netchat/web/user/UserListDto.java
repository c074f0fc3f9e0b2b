package dev.netchat.web.user;

import dev.netchat.user.UserView;
import java.util.List;

/** GET /api/users. */
public record UserListDto(List<UserView> users) {}
