package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A custom status (PUT and DELETE /api/users/me/status): others see it on the profile card and in the directory,
 * it clears itself at its expiry, and bad input is refused without changing the status.
 */
@ExtendWith(ServerExtension.class)
class CustomStatusIT {

    private final Api api = ServerExtension.api();

    private Api.Reply put(Api.Session user, Object body) {
        return api.sendJson("PUT", "/api/users/me/status", body, user);
    }

    @Test
    void othersSeeTheStatusUntilItIsCleared() {
        Api.Session owner = api.newUser("status");
        Api.Session other = api.newUser("statuswatcher");

        Api.Reply set = put(owner, Api.json().put("emoji", "🌴").put("text", "  On vacation  "));

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("status").path("emoji").asText()).isEqualTo("🌴");
        assertThat(set.json().path("status").path("text").asText()).isEqualTo("On vacation");
        assertThat(set.json().path("status").path("expiresAt").isNull()).isTrue();
        JsonNode card = api.get("/api/users/" + owner.userId(), other).json();
        assertThat(card.path("status").path("text").asText()).isEqualTo("On vacation");
        JsonNode listed = api.get("/api/users?q=" + owner.username(), other)
                .json()
                .path("users")
                .get(0);
        assertThat(listed.path("status").path("emoji").asText()).isEqualTo("🌴");

        Api.Reply cleared = api.delete("/api/users/me/status", owner);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("status").isNull()).isTrue();
        assertThat(api.get("/api/users/" + owner.userId(), other)
                        .json()
                        .path("status")
                        .isNull())
                .isTrue();
    }

    @Test
    void aStatusClearsItselfAtItsExpiry() throws InterruptedException {
        Api.Session owner = api.newUser("brief");
        Api.Session other = api.newUser("briefwatcher");
        Instant expiry = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

        Api.Reply set = put(
                owner, Api.json().put("emoji", "📅").put("text", "In a meeting").put("expiresAt", expiry.toString()));

        assertThat(set.status()).isEqualTo(200);
        assertThat(Instant.parse(set.json().path("status").path("expiresAt").asText()))
                .isEqualTo(expiry);
        assertThat(api.get("/api/users/" + owner.userId(), other)
                        .json()
                        .path("status")
                        .path("text")
                        .asText())
                .isEqualTo("In a meeting");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!api.get("/api/users/" + owner.userId(), other)
                        .json()
                        .path("status")
                        .isNull()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Instant.now()).isAfter(expiry);
        assertThat(api.get("/api/users/" + owner.userId(), other)
                        .json()
                        .path("status")
                        .isNull())
                .isTrue();
        assertThat(api.get("/api/users/me", owner).json().path("status").isNull())
                .isTrue();
    }

    @Test
    void badStatusesAre400OnTheFieldAndChangeNothing() {
        Api.Session owner = api.newUser("badstatus");
        assertThat(put(owner, Api.json().put("emoji", "👍🏽").put("text", "Keeping"))
                        .status())
                .isEqualTo(200);

        Object[][] bad = {
            {Api.json().put("emoji", "x").put("text", "ok"), "emoji"},
            {Api.json().put("emoji", "<b>").put("text", "ok"), "emoji"},
            {Api.json().put("emoji", "🌴".repeat(9)).put("text", "ok"), "emoji"},
            {Api.json().put("text", "x".repeat(101)), "text"},
            {Api.json().put("text", "two\nlines"), "text"},
            {Api.json().put("text", "   "), "text"},
            {Api.json(), "text"},
            {Api.json().put("text", "ok").put("expiresAt", "tomorrow"), "expiresAt"},
            {
                Api.json()
                        .put("text", "ok")
                        .put("expiresAt", Instant.now().minusSeconds(60).toString()),
                "expiresAt"
            },
            {
                Api.json()
                        .put("text", "ok")
                        .put(
                                "expiresAt",
                                Instant.now().plusSeconds(400L * 86_400).toString()),
                "expiresAt"
            },
        };
        for (Object[] c : bad) {
            Api.Reply r = put(owner, c[0]);
            assertThat(r.status()).as("%s", c[0]).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.errorFields()).as("%s", c[0]).contains((String) c[1]);
        }
        JsonNode status = api.get("/api/users/me", owner).json().path("status");
        assertThat(status.path("emoji").asText()).isEqualTo("👍🏽");
        assertThat(status.path("text").asText()).isEqualTo("Keeping");

        // A flag and a keycap are emoji too.
        assertThat(put(owner, Api.json().put("emoji", "🇩🇪")).status()).isEqualTo(200);
        assertThat(put(owner, Api.json().put("emoji", "1️⃣")).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/users/me/status", "{}", "Content-Type", "application/json")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aStatusChangeReachesItsOwnersOtherTabsAndTheOwnersConversationPartnersLiveAndNobodyElse() {
        Api.Session owner = api.newUser("live");
        Api.Session partner = api.newUser("livepartner");
        Api.Session stranger = api.newUser("livestranger");
        Chat chat = new Chat(api);
        Api.Reply direct = chat.createMessaging(owner, partner);
        assertThat(direct.status()).as(direct.toString()).isIn(200, 201);
        // New accounts join the default channel, which may be small on a test server: the stranger leaves it, so
        // that it shares no conversation with the owner at all.
        for (JsonNode channel : chat.channels(stranger, "")) {
            String id = channel.path("id").asText();
            assertThat(api.delete("/api/channels/" + id + "/members/" + stranger.userId(), stranger)
                            .status())
                    .isIn(200, 204);
        }

        java.util.function.Predicate<JsonNode> aboutOwner =
                f -> "user.status.changed".equals(f.path("type").asText())
                        && owner.userId().equals(f.path("user").path("id").asText());
        try (ChatSocket partners = ChatSocket.connect(api, partner);
                ChatSocket ownersOtherTab = ChatSocket.connect(api, owner);
                ChatSocket strangers = ChatSocket.connect(api, stranger)) {
            assertThat(put(owner, Api.json().put("emoji", "🤒").put("text", "Out sick"))
                            .status())
                    .isEqualTo(200);
            JsonNode frame = partners.awaitEvent(aboutOwner, ChatSocket.TIMEOUT, "the status at the partner");
            assertThat(frame.path("user").path("status").path("text").asText()).isEqualTo("Out sick");
            assertThat(frame.path("user").path("status").path("emoji").asText()).isEqualTo("🤒");
            assertThat(ownersOtherTab
                            .awaitEvent(aboutOwner, ChatSocket.TIMEOUT, "the status at the owner's other tab")
                            .path("user")
                            .path("status")
                            .path("text")
                            .asText())
                    .isEqualTo("Out sick");

            assertThat(api.delete("/api/users/me/status", owner).status()).isEqualTo(200);
            JsonNode cleared = partners.awaitEvent(aboutOwner, ChatSocket.TIMEOUT, "the cleared status at the partner");
            assertThat(cleared.path("user").path("status").isNull()).isTrue();
            // Sharing no conversation, the stranger hears nothing (it reads the status from the card when it looks).
            assertThat(strangers.drain(java.time.Duration.ofMillis(1500))).noneMatch(aboutOwner);
        }
        // Refused input tells nobody anything.
        try (ChatSocket partners = ChatSocket.connect(api, partner)) {
            assertThat(put(owner, Api.json().put("text", "x".repeat(101))).status())
                    .isEqualTo(400);
            assertThat(partners.drain(java.time.Duration.ofMillis(1500))).noneMatch(aboutOwner);
        }
    }
}
