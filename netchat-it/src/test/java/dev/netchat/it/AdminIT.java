package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Administration through the server console's MBean (JMX) and the admin REST API, checked through the public API. */
@ExtendWith(ServerExtension.class)
class AdminIT {

    private final Api api = ServerExtension.api();

    @Test
    void nonAdminsGet403OnEveryAdminCallAndAnonymousCallers401() {
        Api.Session user = api.newUser("notadmin");
        Api.Session target = api.newUser("target");
        List<Api.Reply> replies = List.of(
                api.get("/api/admin/users", user),
                api.patch("/api/admin/users/" + target.userId(), Api.json().put("disabled", true), user),
                api.post("/api/admin/users/" + target.userId() + "/password-reset", null, user),
                api.delete("/api/admin/users/" + target.userId() + "/sessions", user),
                api.delete("/api/admin/users/" + target.userId(), user),
                api.get("/api/admin/audit", user));
        for (Api.Reply r : replies) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.send("GET", "/api/admin/users", null).status()).isEqualTo(401);
        // Nothing happened to the target.
        assertThat(api.login(target.username(), Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAdminListsAndSearchesUsersPageByPage() {
        Api.Session found = api.newUser("listme");
        Api.Reply r = api.get("/api/admin/users?q=" + found.username() + "&page=0", api.admin());
        assertThat(r.status()).isEqualTo(200);
        JsonNode user = r.json().path("users").get(0);
        assertThat(user.path("id").asText()).isEqualTo(found.userId());
        assertThat(user.path("disabled").asBoolean()).isFalse();
        assertThat(user.path("role").asText()).isEqualTo("user");
        assertThat(r.json().path("hasMore").asBoolean()).isFalse();
        assertThat(api.get("/api/admin/users?page=-1", api.admin()).status()).isEqualTo(400);
    }

    @Test
    void disablingFromTheConsoleClosesTheUsersSocketWithinASecondAndRefusesSignIn() throws Exception {
        Api.Session user = api.newUser("disableme");
        ChatSocket socket = ChatSocket.connect(api, user);
        try (UsersConsoleClient console = new UsersConsoleClient()) {
            long t0 = System.nanoTime();
            String answer = console.invoke("disable", user.username());
            assertThat(answer).startsWith("Disabled " + user.username());
            assertThat(socket.closedWithin(Duration.ofSeconds(1)))
                    .as("socket closed within 1 s")
                    .isTrue();
            System.out.printf("disable -> socket closed in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            assertThat(api.login(user.username(), Api.PASSWORD).status()).isEqualTo(403);
            assertThat(api.get("/api/users/me", user).status()).isEqualTo(403);
            assertThat(api.send(
                                    "POST",
                                    "/api/auth/refresh",
                                    null,
                                    "Origin",
                                    api.origin(),
                                    "Cookie",
                                    "netchat_refresh=" + user.refreshCookie())
                            .status())
                    .isEqualTo(401);
            assertThat(ChatSocket.status(
                            ChatSocket.expectRefused(api, api.origin(), null, "netchat.v1", "bearer." + user.token())))
                    .isIn(401, 403);

            assertThat(console.invoke("enable", user.username())).startsWith("Enabled");
            assertThat(api.login(user.username(), Api.PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void aConsolePasswordResetGivesAOneTimePasswordThatMustBeChanged() throws Exception {
        Api.Session user = api.newUser("resetme");
        String otp;
        try (UsersConsoleClient console = new UsersConsoleClient()) {
            String answer = console.invoke("resetPassword", user.username());
            Matcher m = Pattern.compile("One-time password for \\S+: (\\S+) ").matcher(answer);
            assertThat(m.find()).as(answer).isTrue();
            otp = m.group(1);
        }
        assertThat(api.login(user.username(), Api.PASSWORD).status()).isEqualTo(401);
        Api.Reply login = api.login(user.username(), otp);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
        Api.Session temporary = Api.Session.of(user.username(), login);
        // Until the password is changed, only the password change (and reading oneself) is allowed.
        assertThat(api.get("/api/channels", temporary).status()).isEqualTo(403);
        assertThat(api.get("/api/users/me", temporary).status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/users/me/password",
                                Api.json().put("currentPassword", otp).put("newPassword", "my own new secret"),
                                temporary)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/channels", temporary).status()).isEqualTo(200);
        assertThat(api.login(user.username(), "my own new secret")
                        .json()
                        .path("mustChangePassword")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void endingSessionsRevokesRefreshTokensAndClosesSockets() throws Exception {
        Api.Session user = api.newUser("endme");
        ChatSocket socket = ChatSocket.connect(api, user);
        try (UsersConsoleClient console = new UsersConsoleClient()) {
            assertThat(console.invoke("endSessions", user.username())).startsWith("Ended 1 session");
        }
        assertThat(socket.closedWithin(Duration.ofSeconds(2))).isTrue();
        Api.Reply refused = api.send(
                "POST",
                "/api/auth/refresh",
                null,
                "Origin",
                api.origin(),
                "Cookie",
                "netchat_refresh=" + user.refreshCookie());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("type").asText())
                .as("ended, not disabled: %s", refused)
                .isEqualTo("urn:netchat:problem:not-authenticated");
        // Signing in again works: ending sessions is not disabling.
        assertThat(api.login(user.username(), Api.PASSWORD).status()).isEqualTo(200);
    }

    /**
     * A page whose socket was down when its account was disabled (a laptop asleep) learns it from its next
     * renewal: the refusal says so by its type, to the holder of the account's token only.
     */
    @Test
    void aRenewalAfterTheAccountWasDisabledSaysSoByItsProblemType() {
        Api.Session user = api.newUser("asleep");
        assertThat(api.patch("/api/admin/users/" + user.userId(), Api.json().put("disabled", true), api.admin())
                        .status())
                .isEqualTo(200);

        Api.Reply refused = api.send(
                "POST",
                "/api/auth/refresh",
                null,
                "Origin",
                api.origin(),
                "Cookie",
                "netchat_refresh=" + user.refreshCookie());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:netchat:problem:account-disabled");
        assertThat(refused.json().path("detail").asText()).contains("disabled");
        Api.Reply stranger = api.send(
                "POST",
                "/api/auth/refresh",
                null,
                "Origin",
                api.origin(),
                "Cookie",
                "netchat_refresh=not-a-token-of-anyone");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.json().path("type").asText()).isEqualTo("urn:netchat:problem:not-authenticated");
    }

    @Test
    void theRestApiEndsSessionsAndResetsPasswordsToo() {
        Api.Session user = api.newUser("restadmin");
        assertThat(api.delete("/api/admin/users/" + user.userId() + "/sessions", api.admin())
                        .status())
                .isEqualTo(204);
        assertThat(api.send(
                                "POST",
                                "/api/auth/refresh",
                                null,
                                "Origin",
                                api.origin(),
                                "Cookie",
                                "netchat_refresh=" + user.refreshCookie())
                        .status())
                .isEqualTo(401);
        Api.Reply reset = api.post("/api/admin/users/" + user.userId() + "/password-reset", null, api.admin());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(api.login(
                                user.username(),
                                reset.json().path("oneTimePassword").asText())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void grantingAndRevokingAdminTakesEffectAtOnceEvenForIssuedTokens() {
        Api.Session user = api.newUser("promote");
        assertThat(api.patch("/api/admin/users/" + user.userId(), Api.json().put("role", "admin"), api.admin())
                        .status())
                .isEqualTo(200);
        // The token still says "user"; the account says admin now.
        assertThat(api.get("/api/admin/users", user).status()).isEqualTo(200);
        assertThat(api.patch("/api/admin/users/" + user.userId(), Api.json().put("role", "user"), api.admin())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/admin/users", user).status()).isEqualTo(403);
        assertThat(api.patch("/api/admin/users/" + user.userId(), Api.json().put("role", "owner"), api.admin())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theLastActiveAdminCanBeNeitherDemotedNorDisabled() throws Exception {
        Api.Session admin = api.admin();
        long admins = 0;
        for (JsonNode u : api.get("/api/admin/users?q=", admin).json().path("users")) {
            if (u.path("role").asText().equals("admin") && !u.path("disabled").asBoolean()) {
                admins++;
            }
        }
        assertThat(admins)
                .as("only the installation's first account is an admin here")
                .isEqualTo(1);

        Api.Reply demote =
                api.patch("/api/admin/users/" + admin.userId(), Api.json().put("role", "user"), admin);
        Api.Reply disable =
                api.patch("/api/admin/users/" + admin.userId(), Api.json().put("disabled", true), admin);
        assertThat(demote.status()).isEqualTo(409);
        assertThat(disable.status()).isEqualTo(409);
        try (UsersConsoleClient console = new UsersConsoleClient()) {
            assertThat(console.invoke("revokeAdmin", "admin")).startsWith("Refused: This is the last active admin");
            assertThat(console.invoke("disable", "admin")).startsWith("Refused:");
            assertThat(console.invoke("disable", "no-such-user-at-all"))
                    .isEqualTo("Refused: No user no-such-user-at-all.");
        }
        assertThat(api.get("/api/admin/users", admin).status()).isEqualTo(200);
    }

    @Test
    void deletingAUserKeepsTheirMessagesShownAsFromADeletedUser() throws Exception {
        Chat chat = new Chat(api);
        Api.Session owner = api.newUser("owner");
        Api.Session leaving = api.newUser("leaving");
        String channelId = chat.createTeam(owner, Chat.channelName("farewell"), false, leaving)
                .path("id")
                .asText();
        JsonNode message = chat.post(leaving, channelId, "goodbye everyone");

        try (UsersConsoleClient console = new UsersConsoleClient()) {
            assertThat(console.invoke("deleteUser", leaving.username())).startsWith("Deleted " + leaving.username());
        }

        JsonNode kept = chat.find(owner, channelId, message.path("id").asText());
        assertThat(kept.path("text").asText()).isEqualTo("goodbye everyone");
        assertThat(kept.path("user").path("fullName").asText()).isEqualTo("Deleted user");
        assertThat(api.login(leaving.username(), Api.PASSWORD).status()).isEqualTo(401);
        assertThat(chat.channel(owner, channelId).path("memberCount").asInt()).isEqualTo(1);
    }

    @Test
    void theConsoleShowsCountsAndFindsUsers() throws Exception {
        Api.Session user = api.newUser("counted");
        ChatSocket socket = ChatSocket.connect(api, user);
        try (UsersConsoleClient console = new UsersConsoleClient()) {
            assertThat((Long) console.attribute("UserCount")).isGreaterThanOrEqualTo(2L);
            assertThat((Integer) console.attribute("OpenSockets")).isGreaterThanOrEqualTo(1);
            // Presence is cluster-wide now, kept in the database just after the socket opens: allow it a moment.
            long until = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
            while ((Integer) console.attribute("OnlineUsers") < 1 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat((Integer) console.attribute("OnlineUsers")).isGreaterThanOrEqualTo(1);
            assertThat(console.invoke("findUsers", user.username()))
                    .contains(user.username())
                    .contains("online");
            assertThat(console.invoke("showUser", user.username())).contains(user.userId());
        } finally {
            socket.close();
        }
    }

    @Test
    void theAuditLogRecordsAdminActionsAndSecurityEventsNewestFirst() throws Exception {
        Api.Session user = api.newUser("audited");
        assertThat(api.login(user.username(), "wrong password").status()).isEqualTo(401);
        try (UsersConsoleClient console = new UsersConsoleClient()) {
            console.invoke("endSessions", user.username());
        }
        api.patch("/api/admin/users/" + user.userId(), Api.json().put("disabled", true), api.admin());
        api.patch("/api/admin/users/" + user.userId(), Api.json().put("disabled", false), api.admin());
        api.patch("/api/admin/users/" + user.userId(), Api.json().put("role", "admin"), api.admin());
        api.patch("/api/admin/users/" + user.userId(), Api.json().put("role", "user"), api.admin());
        api.post("/api/admin/users/" + user.userId() + "/password-reset", null, api.admin());
        Api.Session removed = api.newUser("removed");
        assertThat(api.delete("/api/admin/users/" + removed.userId(), api.admin())
                        .status())
                .isEqualTo(204);
        api.send("GET", "/api/users/me", null, "Authorization", "Bearer not.a.token");
        ChatSocket.expectRefused(api, api.origin(), null, "netchat.v1");
        // Guessing at another account until the limit: the refusal itself is a security event.
        Api.Session guessed = api.newUser("guessed");
        for (int i = 0; i < 6; i++) {
            api.login(guessed.username(), "guess " + i);
        }

        JsonNode entries =
                api.get("/api/admin/audit?page=0", api.admin()).json().path("entries");
        List<JsonNode> mine = new java.util.ArrayList<>();
        entries.forEach(e -> {
            if (user.username().equals(e.path("targetName").asText())) {
                mine.add(e);
            }
        });
        assertThat(mine)
                .extracting(e -> e.path("action").asText())
                .containsSubsequence(
                        "user.password.reset",
                        "user.admin.revoked",
                        "user.admin.granted",
                        "user.enabled",
                        "user.disabled",
                        "user.sessions.ended",
                        "signin.failed");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("user.deleted");
            assertThat(e.path("targetName").asText()).isEqualTo(removed.username());
        });
        JsonNode disabled = mine.stream()
                .filter(e -> e.path("action").asText().equals("user.disabled"))
                .findFirst()
                .orElseThrow();
        assertThat(disabled.path("source").asText()).isEqualTo("web");
        assertThat(disabled.path("actorName").asText()).isEqualTo("admin");
        assertThat(disabled.path("clientAddress").asText()).isNotBlank();
        JsonNode ended = mine.stream()
                .filter(e -> e.path("action").asText().equals("user.sessions.ended"))
                .findFirst()
                .orElseThrow();
        assertThat(ended.path("source").asText()).isEqualTo("console");
        assertThat(entries.findValuesAsText("action")).contains("token.refused", "socket.refused");
        List<String> aboutGuessed = new java.util.ArrayList<>();
        entries.forEach(e -> {
            if (guessed.username().equals(e.path("targetName").asText())) {
                aboutGuessed.add(e.path("action").asText());
            }
        });
        assertThat(aboutGuessed).contains("signin.throttled", "signin.failed");
        // Newest first.
        List<String> times = entries.findValuesAsText("occurredAt");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }
}
