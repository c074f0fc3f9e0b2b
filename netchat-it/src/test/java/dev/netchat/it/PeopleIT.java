package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The profile card (GET /api/users/{id}) and the people directory (GET /api/users with paging by {@code after}):
 * what others see of a person, and that nobody disabled or unknown is shown.
 */
@ExtendWith(ServerExtension.class)
class PeopleIT {

    private final Api api = ServerExtension.api();

    @Test
    void theProfileCardShowsWhatOthersMaySeeAndNothingOfADisabledOrUnknownUser() {
        Api.Session person = api.newUser("card");
        Api.Session viewer = api.newUser("cardviewer");
        assertThat(api.patch(
                                "/api/users/me",
                                Api.json().put("timeZone", "Europe/Berlin").put("phoneNumber", "+441234567890"),
                                person)
                        .status())
                .isEqualTo(200);

        Api.Reply card = api.get("/api/users/" + person.userId(), viewer);

        assertThat(card.status()).isEqualTo(200);
        JsonNode user = card.json();
        assertThat(user.path("id").asText()).isEqualTo(person.userId());
        assertThat(user.path("username").asText()).isEqualTo(person.username());
        assertThat(user.path("fullName").asText()).isEqualTo("card Tester");
        assertThat(user.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(user.has("online")).isTrue();
        assertThat(user.path("lastActive").asText()).isNotEmpty();
        // What is the person's own business stays out of what others see.
        assertThat(user.has("phoneNumber")).isFalse();
        assertThat(user.has("notifications")).isFalse();

        Api.Reply unknown = api.get("/api/users/no-such-user", viewer);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        assertThat(api.patch("/api/admin/users/" + person.userId(), Api.json().put("disabled", true), api.admin())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/users/" + person.userId(), viewer).status()).isEqualTo(404);

        assertThat(api.send("GET", "/api/users/" + viewer.userId(), null).status())
                .isEqualTo(401);
    }

    @Test
    void theDirectoryPagesThroughEveryoneByUsernameWithoutGapsOrRepeats() {
        String prefix = Api.uniqueName("dir").replaceAll("[^a-z0-9]", "").substring(0, 10);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(api.newUser(prefix + i).username());
        }
        expected.sort(String::compareTo);
        Api.Session viewer = api.newUser("dirviewer");

        List<String> seen = new ArrayList<>();
        String after = "";
        for (int page = 0; page < 5; page++) {
            JsonNode users = api.get("/api/users?q=" + prefix + "&limit=2&after=" + after, viewer)
                    .json()
                    .path("users");
            if (users.isEmpty()) {
                break;
            }
            assertThat(users.size()).isLessThanOrEqualTo(2);
            users.forEach(u -> seen.add(u.path("username").asText()));
            after = seen.get(seen.size() - 1);
        }

        assertThat(seen).containsExactlyElementsOf(expected);
        Api.Reply tooLong = api.get("/api/users?after=" + "x".repeat(40), viewer);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("after");
    }
}
