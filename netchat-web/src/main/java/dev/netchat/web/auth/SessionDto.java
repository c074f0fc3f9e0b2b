package dev.netchat.web.auth;

import dev.netchat.auth.SignedInSession;
import dev.netchat.shared.Times;
import dev.netchat.shared.Wire;
import dev.netchat.stream.StreamTokens.StreamCredentialsDto;
import dev.netchat.user.MeDto;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
        boolean mustChangePassword) {

    static SessionDto of(SignedInSession session) {
        MeDto user = session.user();
        return new SessionDto(
                session.accessToken(),
                user.id(),
                user.username(),
                user.fullName(),
                user.phoneNumber(),
                user.avatarURL(),
                user.role(),
                Times.iso(session.accessExpiresAt()),
                user.mustChangePassword());
    }

    /**
     * The answer's body: the session, plus {@code streamToken} and {@code streamApiKey} only when the Stream Chat
     * bridge is configured (absent otherwise, as API.md says; nulls are written elsewhere, so not a field here).
     */
    static JsonObject body(SignedInSession session, Optional<StreamCredentialsDto> stream) {
        JsonObjectBuilder body =
                Wire.JSON.createObjectBuilder(Wire.toValue(of(session)).asJsonObject());
        stream.ifPresent(s -> body.add("streamToken", s.token()).add("streamApiKey", s.apiKey()));
        return body.build();
    }
}
