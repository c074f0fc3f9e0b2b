package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Browser sessions: cookies, refresh rotation, reuse detection, logout, password change, Origin checks. */
@ExtendWith(ServerExtension.class)
class SessionIT {

    private final Api api = ServerExtension.api();

    @Test
    void sessionCookiesAreHttpOnlyStrictAndScoped() {
        Api.Reply r = api.signup("Cookie Monster", Api.uniqueName("cookie"), Api.PASSWORD);

        Api.Cookie access = r.cookie("netchat_access").orElseThrow();
        Api.Cookie refresh = r.cookie("netchat_refresh").orElseThrow();
        for (Api.Cookie c : new Api.Cookie[] {access, refresh}) {
            assertThat(c.attribute("HttpOnly")).as(c.name()).isPresent();
            assertThat(c.attribute("SameSite")).as(c.name()).hasValue("Strict");
            // Served over plain HTTP here, so not Secure (a Secure cookie would never come back).
            assertThat(c.attribute("Secure")).as(c.name()).isEmpty();
        }
        assertThat(access.attribute("Path")).hasValue("/");
        assertThat(access.value()).isEqualTo(r.json().path("token").asText());
        assertThat(Long.parseLong(access.attribute("Max-Age").orElseThrow())).isBetween(890L, 900L);
        // The refresh token only ever travels to the auth endpoints.
        assertThat(refresh.attribute("Path")).hasValue("/api/auth");
        assertThat(refresh.value()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void theAccessCookieAloneAuthenticates() {
        Api.Session user = api.newUser("cookieauth");
        Api.Reply r = api.send("GET", "/api/users/me", null, "Cookie", "netchat_access=" + user.accessCookie());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("id").asText()).isEqualTo(user.userId());
    }

    @Test
    void refreshRotatesTheTokenAndAReusedOneEndsTheWholeSession() {
        Api.Session user = api.newUser("rotate");

        Api.Reply first = refresh(user.refreshCookie());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("userId").asText()).isEqualTo(user.userId());
        String second = first.cookie("netchat_refresh").orElseThrow().value();
        assertThat(second).isNotEqualTo(user.refreshCookie());

        // The spent token is presented again past the grace for concurrent refreshes (a thief replays it): refused...
        sleepPastTheRefreshGrace();
        Api.Reply replay = refresh(user.refreshCookie());
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        // ...and the legitimate newer token of the same session is revoked with it.
        assertThat(refresh(second).status()).isEqualTo(401);
        // Other sessions of the same user are untouched.
        Api.Reply otherLogin = api.login(user.username(), Api.PASSWORD);
        assertThat(refresh(otherLogin.cookie("netchat_refresh").orElseThrow().value())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refreshWithoutOrWithAnUnknownTokenIs401() {
        assertThat(api.send("POST", "/api/auth/refresh", null, "Origin", api.origin())
                        .status())
                .isEqualTo(401);
        assertThat(refresh("made-up-token").status()).isEqualTo(401);
    }

    @Test
    void logoutRevokesTheRefreshTokenAndClearsBothCookies() {
        Api.Session user = api.newUser("logout");

        Api.Reply r = api.send(
                "POST",
                "/api/auth/logout",
                null,
                "Origin",
                api.origin(),
                "Cookie",
                "netchat_refresh=" + user.refreshCookie() + "; netchat_access=" + user.accessCookie());

        assertThat(r.status()).isEqualTo(204);
        for (String name : new String[] {"netchat_access", "netchat_refresh"}) {
            Api.Cookie c = r.cookie(name).orElseThrow();
            assertThat(c.value()).isEmpty();
            assertThat(c.attribute("Max-Age")).hasValue("0");
        }
        assertThat(refresh(user.refreshCookie()).status()).isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionButNotTheCallers() {
        Api.Session phone = api.newUser("pwchange");
        Api.Reply laptopLogin = api.login(phone.username(), Api.PASSWORD);
        String laptopRefresh =
                laptopLogin.cookie("netchat_refresh").orElseThrow().value();

        Api.Reply r = api.postJson(
                "/api/users/me/password",
                Api.json().put("currentPassword", Api.PASSWORD).put("newPassword", "a brand new secret"),
                phone.bearer());

        assertThat(r.status()).isEqualTo(204);
        assertThat(refresh(laptopRefresh).status()).isEqualTo(401);
        assertThat(refresh(phone.refreshCookie()).status()).isEqualTo(200);
        assertThat(api.login(phone.username(), Api.PASSWORD).status()).isEqualTo(401);
        assertThat(api.login(phone.username(), "a brand new secret").status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordOrABadNewOneChangesNothing() {
        Api.Session user = api.newUser("pwbad");

        Api.Reply wrong = api.postJson(
                "/api/users/me/password",
                Api.json().put("currentPassword", "not it at all").put("newPassword", "a brand new secret"),
                user.bearer());
        Api.Reply tooShort = api.postJson(
                "/api/users/me/password",
                Api.json().put("currentPassword", Api.PASSWORD).put("newPassword", "short"),
                user.bearer());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("currentPassword");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.errorFields()).containsExactly("newPassword");
        assertThat(api.login(user.username(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void cookieAuthenticatedUnsafeRequestsNeedAnAllowedOrigin() {
        Api.Session user = api.newUser("origin");
        String cookie = "netchat_access=" + user.accessCookie();
        String patch = Api.write(Api.json().put("fullName", "Changed By Origin"));

        Api.Reply noOrigin =
                api.send("PATCH", "/api/users/me", patch, "Content-Type", "application/json", "Cookie", cookie);
        Api.Reply foreign = api.send(
                "PATCH",
                "/api/users/me",
                patch,
                "Content-Type",
                "application/json",
                "Cookie",
                cookie,
                "Origin",
                "https://evil.example");
        assertThat(noOrigin.status()).isEqualTo(403);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/users/me", user).json().path("fullName").asText())
                .isNotEqualTo("Changed By Origin");

        Api.Reply own = api.send(
                "PATCH",
                "/api/users/me",
                patch,
                "Content-Type",
                "application/json",
                "Cookie",
                cookie,
                "Origin",
                api.origin());
        assertThat(own.status()).isEqualTo(200);
        // A bearer-token client needs no Origin: a foreign page cannot read the token.
        Api.Reply bearer = api.send(
                "PATCH",
                "/api/users/me",
                patch,
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + user.token());
        assertThat(bearer.status()).isEqualTo(200);
    }

    @Test
    void aForeignPageCannotRefreshASessionThroughTheCookie() {
        Api.Session user = api.newUser("csrf");
        Api.Reply r = api.send(
                "POST",
                "/api/auth/refresh",
                null,
                "Origin",
                "https://evil.example",
                "Cookie",
                "netchat_refresh=" + user.refreshCookie());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.cookie("netchat_access")).isEmpty();
        // The token was not spent by the refused attempt.
        assertThat(refresh(user.refreshCookie()).status()).isEqualTo(200);
    }

    private Api.Reply refresh(String refreshToken) {
        return api.send(
                "POST", "/api/auth/refresh", null, "Origin", api.origin(), "Cookie", "netchat_refresh=" + refreshToken);
    }

    private static void sleepPastTheRefreshGrace() {
        try {
            Thread.sleep(NetChatServer.REFRESH_REUSE_GRACE_MILLIS + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
