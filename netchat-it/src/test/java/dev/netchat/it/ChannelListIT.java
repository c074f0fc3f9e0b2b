package dev.netchat.it;

import static dev.netchat.it.Chat.idsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the channel list tells a client beyond API.md's minimum: read positions, and who is in a conversation. */
@ExtendWith(ServerExtension.class)
class ChannelListIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void eachListedChannelCarriesTheCallersReadPosition() {
        Api.Session alice = api.newUser("reader");
        Api.Session bob = api.newUser("writer");
        String channel = chat.createTeam(alice, Chat.channelName("readpos"), false, bob).path("id").asText();
        chat.post(bob, channel, "one");
        JsonNode second = chat.post(bob, channel, "two");

        assertThat(chat.listed(alice, channel).path("lastReadSeq").asLong()).isZero();
        assertThat(api.post("/api/channels/" + channel + "/read", Api.json().put("seq", second.path("seq").asLong() - 1), alice)
                .status()).isEqualTo(204);
        JsonNode listed = chat.listed(alice, channel);
        assertThat(listed.path("lastReadSeq").asLong()).isEqualTo(second.path("seq").asLong() - 1);
        assertThat(listed.path("unreadCount").asLong()).isEqualTo(1);
        // The author has read its own messages.
        assertThat(chat.listed(bob, channel).path("lastReadSeq").asLong()).isEqualTo(second.path("seq").asLong());
    }

    @Test
    void conversationsAreListedWithTheirMembersAndTeamChannelsWithout() {
        Api.Session alice = api.newUser("convo");
        Api.Session bob = api.newUser("convo");
        String direct = chat.createMessaging(alice, bob).json().path("id").asText();
        String team = chat.createTeam(alice, Chat.channelName("nomembers"), false, bob).path("id").asText();

        JsonNode listedDirect = chat.listed(alice, direct);
        assertThat(idsOf(listedDirect.path("members"))).containsExactlyInAnyOrder(alice.userId(), bob.userId());
        assertThat(listedDirect.path("members").get(0).has("online")).isTrue();
        assertThat(chat.listed(alice, team).path("members").isNull()).isTrue();
    }
}
