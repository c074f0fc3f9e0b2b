package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ending a session ends it everywhere within seconds: the access token stops working on REST, cannot open new
 * sockets, and the session's open sockets close, for logout, a password change, a reused refresh token and an
 * admin ending the user's sessions. The cut-off is timed; the limit is 5 s (the server checks sessions against
 * the database with a 2 s cache and sweeps open sockets every 2 s, so every node of a cluster sees the end).
 */
@ExtendWith(ServerExtension.class)
class SessionEndIT {

    private static final Duration CUT_OFF = Duration.ofSeconds(5);

    private final Api api = ServerExtension.api();

    @Test
    void logoutEndsTheAccessTokenOnRestNewHandshakesAndOpenSocketsWithinSeconds() {
        Api.Session user = api.newUser("logoutend");
        assertThat(api.get("/api/users/me", user).status()).isEqualTo(200);
        ChatSocket socket = ChatSocket.connect(api, user);

        long t0 = System.nanoTime();
        assertThat(api.send(
                                "POST",
                                "/api/auth/logout",
                                null,
                                "Origin",
                                api.origin(),
                                "Cookie",
                                "netchat_refresh=" + user.refreshCookie() + "; netchat_access=" + user.accessCookie())
                        .status())
                .isEqualTo(204);

        assertEndedEverywhere(user, socket, t0, "logout");
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsButNotTheCallers() {
        Api.Session phone = api.newUser("pwend");
        Api.Session laptop = api.loginSession(phone.username(), Api.PASSWORD);
        ChatSocket laptopSocket = ChatSocket.connect(api, laptop);
        ChatSocket phoneSocket = ChatSocket.connect(api, phone);

        long t0 = System.nanoTime();
        assertThat(api.postJson(
                                "/api/users/me/password",
                                Api.json()
                                        .put("currentPassword", Api.PASSWORD)
                                        .put("newPassword", "an entirely new secret"),
                                phone.bearer())
                        .status())
                .isEqualTo(204);

        assertEndedEverywhere(laptop, laptopSocket, t0, "password change");
        assertThat(api.get("/api/users/me", phone).status())
                .as("the caller's own session goes on")
                .isEqualTo(200);
        assertThat(phoneSocket.closedWithin(Duration.ofSeconds(1)))
                .as("the caller's own socket stays open")
                .isFalse();
        phoneSocket.close();
    }

    @Test
    void aReusedRefreshTokenEndsItsSessionsAccessTokenAndSockets() throws Exception {
        Api.Session user = api.newUser("reuseend");
        Api.Reply first = refresh(user.refreshCookie());
        assertThat(first.status()).isEqualTo(200);
        Api.Session rotated = new Api.Session(
                user.username(),
                user.userId(),
                first.json().path("token").asText(),
                first.cookie("netchat_access").orElseThrow().value(),
                first.cookie("netchat_refresh").orElseThrow().value());
        ChatSocket socket = ChatSocket.connect(api, rotated);
        // Past the grace for concurrent refreshes (2 s on the test server), a spent token is a stolen one.
        Thread.sleep(NetChatServer.REFRESH_REUSE_GRACE_MILLIS + 500);

        long t0 = System.nanoTime();
        assertThat(refresh(user.refreshCookie()).status()).isEqualTo(401);

        assertEndedEverywhere(rotated, socket, t0, "reused refresh token");
        assertThat(refresh(rotated.refreshCookie()).status()).isEqualTo(401);
    }

    @Test
    void anAdminEndingTheSessionsEndsTheTokenAndSocketsWithinSeconds() {
        Api.Session user = api.newUser("adminend");
        ChatSocket socket = ChatSocket.connect(api, user);

        long t0 = System.nanoTime();
        assertThat(api.delete("/api/admin/users/" + user.userId() + "/sessions", api.admin())
                        .status())
                .isEqualTo(204);

        assertEndedEverywhere(user, socket, t0, "admin end-sessions");
        assertThat(api.login(user.username(), Api.PASSWORD).status())
                .as("ending sessions is not disabling")
                .isEqualTo(200);
    }

    @Test
    void twoConcurrentRefreshesOfTheSameRotationBothSucceedAndKeepTheSession() throws Exception {
        Api.Session user = api.newUser("twotabs");
        CompletableFuture<Api.Reply> tab1 = CompletableFuture.supplyAsync(() -> refresh(user.refreshCookie()));
        CompletableFuture<Api.Reply> tab2 = CompletableFuture.supplyAsync(() -> refresh(user.refreshCookie()));
        Api.Reply a = tab1.get();
        Api.Reply b = tab2.get();

        assertThat(a.status()).as("first tab: %s", a).isEqualTo(200);
        assertThat(b.status()).as("second tab: %s", b).isEqualTo(200);
        // Both tabs go on: neither new refresh token was revoked, and the session's access tokens work.
        assertThat(refresh(a.cookie("netchat_refresh").orElseThrow().value()).status())
                .isEqualTo(200);
        assertThat(refresh(b.cookie("netchat_refresh").orElseThrow().value()).status())
                .isEqualTo(200);
        assertThat(api.send(
                                "GET",
                                "/api/users/me",
                                null,
                                "Authorization",
                                "Bearer " + a.json().path("token").asText())
                        .status())
                .isEqualTo(200);
    }

    private void assertEndedEverywhere(Api.Session ended, ChatSocket socket, long t0, String what) {
        long restMillis = millisUntil(() -> api.get("/api/users/me", ended).status(), 401);
        int code = socket.awaitClose(CUT_OFF);
        long socketMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                "%s: REST refused after %d ms, open socket closed (%d) after %d ms%n",
                what, restMillis, code, socketMillis);
        assertThat(code).as("close code of the ended session's socket").isEqualTo(1008);
        assertThat(socketMillis).as("socket closed within the cut-off").isLessThanOrEqualTo(CUT_OFF.toMillis());
        Api.Reply r = api.get("/api/users/me", ended);
        assertThat(r.contentType()).startsWith("application/problem+json");
        int handshake = ChatSocket.status(
                ChatSocket.expectRefused(api, api.origin(), null, "netchat.v1", "bearer." + ended.token()));
        assertThat(handshake)
                .as("a new handshake with the ended session's token")
                .isEqualTo(401);
    }

    /** Polls until the status is reached; fails if that takes longer than the cut-off. Answers the time taken. */
    private static long millisUntil(IntSupplier status, int expected) {
        long t0 = System.nanoTime();
        int last = status.getAsInt();
        while (last != expected && System.nanoTime() - t0 < CUT_OFF.toNanos()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = status.getAsInt();
        }
        assertThat(last).as("status within %s", CUT_OFF).isEqualTo(expected);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private Api.Reply refresh(String refreshCookie) {
        return api.send(
                "POST",
                "/api/auth/refresh",
                null,
                "Origin",
                api.origin(),
                "Cookie",
                "netchat_refresh=" + refreshCookie);
    }
}
