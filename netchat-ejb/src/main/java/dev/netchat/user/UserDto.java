package dev.netchat.user;

import dev.netchat.shared.Times;

/** A user as other users see it (../shared/API.md). */
public record UserDto(
        String id,
        String username,
        String fullName,
        String avatarURL,
        String role,
        boolean online,
        String lastActive,
        String createdAt,
        String timeZone,
        UserStatus status) {

    public static UserDto of(UserAccount u, boolean online) {
        return new UserDto(
                u.getId(),
                u.getUsername(),
                u.getFullName(),
                AvatarUrls.shown(u),
                u.getRole().claim(),
                online,
                Times.iso(u.getLastActiveAt()),
                Times.iso(u.getCreatedAt()),
                u.getTimeZone(),
                u.statusAt(java.time.Instant.now()).orElse(null));
    }
}
