package dev.netchat.auth;

import dev.netchat.user.MeDto;
import java.time.Instant;

/**
 * What a successful signup, login or refresh hands back: the user (as the caller sees itself), a signed access token, and the raw
 * refresh token (which exists only here and in the caller's cookie; the database keeps its hash).
 */
public record SignedInSession(
        MeDto user, String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {}
