package dev.netchat.admin;

import dev.netchat.shared.Times;
import dev.netchat.user.UserAccount;

/** A user as an admin sees it: the public fields plus the account's state. */
public record AdminUserDto(
        String id,
        String username,
        String fullName,
        String role,
        boolean disabled,
        boolean mustChangePassword,
        boolean online,
        String lastActive,
        String createdAt) {

    static AdminUserDto of(UserAccount u, boolean online) {
        return new AdminUserDto(
                u.getId(),
                u.getUsername(),
                u.getFullName(),
                u.getRole().claim(),
                u.isDisabled(),
                u.isMustChangePassword(),
                online,
                Times.iso(u.getLastActiveAt()),
                Times.iso(u.getCreatedAt()));
    }

    @Override
    public String toString() {
        return username + " (" + fullName + "), " + role + (disabled ? ", disabled" : "") + (online ? ", online" : "")
                + ", id " + id;
    }
}
