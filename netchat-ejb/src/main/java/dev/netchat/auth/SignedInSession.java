package dev.netchat.auth;

import dev.netchat.user.UserAccount;
import java.time.Instant;

/**
 * What a successful signup, login or refresh hands back: the user, a signed access token, and the raw
 * refresh token (which exists only here and in the caller's cookie; the database keeps its hash).
 */
public record SignedInSession(
        UserAccount user, String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {}
