package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class ProfileIT {

    private final Api api = ServerExtension.api();

    private Api.Reply patch(Api.Session user, Object body) {
        return api.send(
                "PATCH",
                "/api/users/me",
                Api.write(body),
                "Content-Type",
                "application/json",
                "Authorization",
                "Bearer " + user.token());
    }

    @Test
    void aUserUpdatesTheirProfileAndSettings() {
        Api.Session user = api.newUser("profile");
        var body = Api.json()
                .put("fullName", "New Name")
                .put("phoneNumber", "+441234567890")
                .put("avatarURL", "https://example.com/me.png");
        body.putObject("notifications").put("sms", "all");

        Api.Reply r = patch(user, body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("fullName").asText()).isEqualTo("New Name");
        assertThat(r.json().path("phoneNumber").asText()).isEqualTo("+441234567890");
        assertThat(r.json().path("avatarURL").asText()).isEqualTo("https://example.com/me.png");
        assertThat(r.json().path("notifications").path("sms").asText()).isEqualTo("all");
        assertThat(api.get("/api/users/me", user).json().path("fullName").asText())
                .isEqualTo("New Name");

        // Absent fields stay; an empty phone number removes it.
        Api.Reply cleared = patch(user, Api.json().put("phoneNumber", ""));
        assertThat(cleared.json().path("phoneNumber").isNull()).isTrue();
        assertThat(cleared.json().path("fullName").asText()).isEqualTo("New Name");
    }

    @Test
    void anInvalidUpdateIs400AndChangesNothing() {
        Api.Session user = api.newUser("badprofile");
        var body = Api.json()
                .put("fullName", "Should Not Stick")
                .put("phoneNumber", "12345")
                .put("avatarURL", "javascript:alert(1)");
        body.putObject("notifications").put("sms", "sometimes");

        Api.Reply r = patch(user, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("phoneNumber", "avatarURL", "notifications.sms");
        assertThat(api.get("/api/users/me", user).json().path("fullName").asText())
                .isEqualTo("badprofile Tester");
    }

    @Test
    void aUsersTimeZoneIsKeptValidatedAndShownToOthers() {
        Api.Session owner = api.newUser("zoned");
        Api.Session other = api.newUser("zonewatcher");
        assertThat(api.get("/api/users/me", owner).json().path("timeZone").isNull())
                .isTrue();

        Api.Reply set = patch(owner, Api.json().put("timeZone", "Asia/Kolkata"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("timeZone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(api.get("/api/users/me", owner).json().path("timeZone").asText())
                .isEqualTo("Asia/Kolkata");

        // Other people see it: in user search and among a direct conversation's members.
        var found = api.get("/api/users?q=" + owner.username(), other)
                .json()
                .path("users")
                .get(0);
        assertThat(found.path("timeZone").asText()).isEqualTo("Asia/Kolkata");
        var dm = api.post(
                "/api/channels",
                Api.json()
                        .put("type", "messaging")
                        .set("memberIds", Api.json().arrayNode().add(owner.userId())),
                other);
        assertThat(dm.status()).isIn(200, 201);
        var members = api.get("/api/channels/" + dm.json().path("id").asText(), other)
                .json()
                .path("members");
        assertThat(members.findValues("id").stream().map(n -> n.asText()).toList())
                .contains(owner.userId());
        for (var m : members) {
            if (m.path("id").asText().equals(owner.userId())) {
                assertThat(m.path("timeZone").asText()).isEqualTo("Asia/Kolkata");
            }
        }

        // Offsets, unknown ids and overlong values are 400 on the field and change nothing.
        for (String bad : new String[] {"+02:00", "Mars/Olympus_Mons", "Europe/" + "x".repeat(80), "<script>"}) {
            Api.Reply refused = patch(owner, Api.json().put("timeZone", bad).put("fullName", "Not Kept"));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.errorFields()).containsExactly("timeZone");
        }
        var after = api.get("/api/users/me", owner).json();
        assertThat(after.path("timeZone").asText()).isEqualTo("Asia/Kolkata");
        assertThat(after.path("fullName").asText()).isEqualTo("zoned Tester");

        // Absent stays; empty removes.
        assertThat(patch(owner, Api.json().put("fullName", "Zoned"))
                        .json()
                        .path("timeZone")
                        .asText())
                .isEqualTo("Asia/Kolkata");
        assertThat(patch(owner, Api.json().put("timeZone", ""))
                        .json()
                        .path("timeZone")
                        .isNull())
                .isTrue();
        assertThat(api.get("/api/users?q=" + owner.username(), other)
                        .json()
                        .path("users")
                        .get(0)
                        .path("timeZone")
                        .isNull())
                .isTrue();
    }

    @Test
    void theServedOpenApiDocumentDescribesTheTimeZone() {
        var schemas = api.send("GET", "/openapi?format=JSON", null)
                .json()
                .path("components")
                .path("schemas");
        for (String schema : new String[] {"MeDto", "UserDto", "ProfileUpdateRequest"}) {
            var tz = schemas.path(schema).path("properties").path("timeZone");
            assertThat(tz.isMissingNode()).as(schema + ".timeZone").isFalse();
            assertThat(tz.path("description").asText())
                    .as(schema + ".timeZone description")
                    .contains("IANA");
        }
    }

    @Test
    void usersAreFoundByUsernameOrFullNameIgnoringCase() {
        Api.Session owner = api.newUser("findme");
        Api.Session searcher = api.newUser("seeker");

        Api.Reply byName = api.get("/api/users?q=" + owner.username().toUpperCase(), searcher);
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.json().path("users").findValuesAsText("id")).containsExactly(owner.userId());
        var found = byName.json().path("users").get(0);
        assertThat(found.has("phoneNumber")).isFalse();
        assertThat(found.path("username").asText()).isEqualTo(owner.username());
        assertThat(found.has("online")).isTrue();
        assertThat(found.has("createdAt")).isTrue();

        Api.Reply byFullName = api.get("/api/users?q=FINDME%20TEST&limit=5", searcher);
        assertThat(byFullName.json().path("users").findValuesAsText("id")).contains(owner.userId());
    }

    @Test
    void searchRefusesBadLimitsAndAnonymousCallers() {
        Api.Session user = api.newUser("limits");
        assertThat(api.get("/api/users?q=a&limit=0", user).status()).isEqualTo(400);
        assertThat(api.get("/api/users?q=a&limit=500", user).status()).isEqualTo(400);
        Api.Reply notANumber = api.get("/api/users?q=a&limit=many", user);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.errorFields()).containsExactly("limit");
        assertThat(api.send("GET", "/api/users?q=a", null).status()).isEqualTo(401);
    }
}
