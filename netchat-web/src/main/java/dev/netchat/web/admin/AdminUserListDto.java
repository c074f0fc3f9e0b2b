package dev.netchat.web.admin;

import dev.netchat.admin.AdminUserDto;
import java.util.List;

/** GET /api/admin/users. */
public record AdminUserListDto(List<AdminUserDto> users, int page, boolean hasMore) {}
