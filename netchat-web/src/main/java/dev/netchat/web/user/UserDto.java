package dev.netchat.web.user;

import dev.netchat.shared.Times;
import dev.netchat.user.UserAccount;

/** A user as other users see it. */
public record UserDto(
        String id,
        String username,
        String fullName,
        String avatarURL,
        String role,
        boolean online,
        String lastActive,
        String createdAt) {

    public static UserDto of(UserAccount u, boolean online) {
        return new UserDto(u.getId(), u.getUsername(), u.getFullName(), u.getAvatarUrl(), u.getRole().claim(), online,
                Times.iso(u.getLastActiveAt()), Times.iso(u.getCreatedAt()));
    }
}
