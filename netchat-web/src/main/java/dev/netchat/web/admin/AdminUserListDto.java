package dev.netchat.web.admin;

import dev.netchat.admin.UserAdminView;
import java.util.List;

/** GET /api/admin/users. */
public record AdminUserListDto(List<UserAdminView> users, int page, boolean hasMore) {}
