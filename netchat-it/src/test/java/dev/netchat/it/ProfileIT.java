package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class ProfileIT {

    private final Api api = ServerExtension.api();

    private Api.Reply patch(Api.Session user, Object body) {
        return api.send("PATCH", "/api/users/me", Api.write(body), "Content-Type", "application/json",
                "Authorization", "Bearer " + user.token());
    }

    @Test
    void aUserUpdatesTheirProfileAndSettings() {
        Api.Session user = api.newUser("profile");
        var body = Api.json().put("fullName", "New Name").put("phoneNumber", "+441234567890")
                .put("avatarURL", "https://example.com/me.png");
        body.putObject("notifications").put("sms", "all");

        Api.Reply r = patch(user, body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("fullName").asText()).isEqualTo("New Name");
        assertThat(r.json().path("phoneNumber").asText()).isEqualTo("+441234567890");
        assertThat(r.json().path("avatarURL").asText()).isEqualTo("https://example.com/me.png");
        assertThat(r.json().path("notifications").path("sms").asText()).isEqualTo("all");
        assertThat(api.get("/api/users/me", user).json().path("fullName").asText()).isEqualTo("New Name");

        // Absent fields stay; an empty phone number removes it.
        Api.Reply cleared = patch(user, Api.json().put("phoneNumber", ""));
        assertThat(cleared.json().path("phoneNumber").isNull()).isTrue();
        assertThat(cleared.json().path("fullName").asText()).isEqualTo("New Name");
    }

    @Test
    void anInvalidUpdateIs400AndChangesNothing() {
        Api.Session user = api.newUser("badprofile");
        var body = Api.json().put("fullName", "Should Not Stick").put("phoneNumber", "12345")
                .put("avatarURL", "javascript:alert(1)");
        body.putObject("notifications").put("sms", "sometimes");

        Api.Reply r = patch(user, body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("phoneNumber", "avatarURL", "notifications.sms");
        assertThat(api.get("/api/users/me", user).json().path("fullName").asText()).isEqualTo("badprofile Tester");
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
