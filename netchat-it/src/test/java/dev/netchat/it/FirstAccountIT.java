package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ServerExtension.class)
class FirstAccountIT {

    private final Api api = ServerExtension.api();

    @Test
    void theFirstAccountOfAnEmptyInstallationIsAnAdminAndLaterOnesAreUsers() {
        Api.Reply first = ServerExtension.firstSignup();
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("role").asText()).isEqualTo("admin");

        Api.Reply later = api.signup("Later User", Api.uniqueName("later"), Api.PASSWORD);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().path("role").asText()).isEqualTo("user");
    }

    @Test
    void signupAnswersTheDocumentedFieldsAndNeverAPasswordOrHash() {
        String username = Api.uniqueName("shape");
        Api.Reply r = api.postJson(
                "/api/auth/signup",
                Api.json()
                        .put("fullName", "Shape Tester")
                        .put("username", username)
                        .put("password", Api.PASSWORD)
                        .put("phoneNumber", "+15551234567")
                        .put("avatarURL", "https://example.com/a.png"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.json();
        List<String> fields = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "token",
                        "userId",
                        "username",
                        "fullName",
                        "phoneNumber",
                        "avatarURL",
                        "role",
                        "expiresAt",
                        // An addition to API.md: true after an admin reset, until the user picks a new password.
                        "mustChangePassword");
        assertThat(body.path("username").asText()).isEqualTo(username);
        assertThat(body.path("phoneNumber").asText()).isEqualTo("+15551234567");
        assertThat(body.path("avatarURL").asText()).isEqualTo("https://example.com/a.png");
        assertThat(body.path("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(r.body()).doesNotContain(Api.PASSWORD).doesNotContain("$2a$").doesNotContainIgnoringCase("hash");

        Api.Session session = Api.Session.of(username, r);
        Api.Reply me = api.get("/api/users/me", session);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("id").asText()).isEqualTo(session.userId());
        assertThat(me.json().path("notifications").path("sms").asText()).isEqualTo("mentions");
        assertThat(me.body())
                .doesNotContain("$2a$")
                .doesNotContain("\"password\"")
                .doesNotContain("passwordHash");
    }
}
