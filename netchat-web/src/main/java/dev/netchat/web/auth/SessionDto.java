package dev.netchat.web.auth;

import dev.netchat.auth.SignedInSession;
import dev.netchat.shared.Times;
import dev.netchat.user.UserAccount;

/** The body of a signup, login or refresh answer (see ../shared/API.md). */
public record SessionDto(
        String token,
        String userId,
        String username,
        String fullName,
        String phoneNumber,
        String avatarURL,
        String role,
        String expiresAt,
        boolean mustChangePassword) {

    static SessionDto of(SignedInSession session) {
        UserAccount user = session.user();
        return new SessionDto(session.accessToken(), user.getId(), user.getUsername(), user.getFullName(),
                user.getPhoneNumber(), user.getAvatarUrl(), user.getRole().claim(), Times.iso(session.accessExpiresAt()),
                user.isMustChangePassword());
    }
}
