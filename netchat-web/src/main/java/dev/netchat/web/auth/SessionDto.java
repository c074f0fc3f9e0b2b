package dev.netchat.web.auth;

import dev.netchat.auth.SignedInSession;
import dev.netchat.shared.Times;
import dev.netchat.stream.StreamTokens.StreamCredentials;
import dev.netchat.user.UserAccount;
import java.util.Optional;

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
        boolean mustChangePassword,
        // Only when the Stream Chat bridge is configured: what Stream's own client SDKs need to connect.
        String streamToken,
        String streamApiKey) {

    static SessionDto of(SignedInSession session, Optional<StreamCredentials> stream) {
        UserAccount user = session.user();
        return new SessionDto(session.accessToken(), user.getId(), user.getUsername(), user.getFullName(),
                user.getPhoneNumber(), user.getAvatarUrl(), user.getRole().claim(), Times.iso(session.accessExpiresAt()),
                user.isMustChangePassword(), stream.map(StreamCredentials::token).orElse(null),
                stream.map(StreamCredentials::apiKey).orElse(null));
    }
}
