package dev.netchat.web.admin;

/** PATCH /api/admin/users/{id}: role (user or admin) and/or disabled. */
public record AdminUserUpdateRequest(String role, Boolean disabled) {}
