package dev.netchat.it;

import static dev.netchat.it.Chat.idsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the channel list tells a client beyond API.md's minimum: read positions, unread mentions of the caller,
 * and who is in a conversation.
 */
@ExtendWith(ServerExtension.class)
class ChannelListIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void eachListedChannelCarriesTheCallersReadPosition() {
        Api.Session alice = api.newUser("reader");
        Api.Session bob = api.newUser("writer");
        String channel = chat.createTeam(alice, Chat.channelName("readpos"), false, bob)
                .path("id")
                .asText();
        chat.post(bob, channel, "one");
        JsonNode second = chat.post(bob, channel, "two");

        assertThat(chat.listed(alice, channel).path("lastReadSeq").asLong()).isZero();
        assertThat(api.post(
                                "/api/channels/" + channel + "/read",
                                Api.json().put("seq", second.path("seq").asLong() - 1),
                                alice)
                        .status())
                .isEqualTo(204);
        JsonNode listed = chat.listed(alice, channel);
        assertThat(listed.path("lastReadSeq").asLong())
                .isEqualTo(second.path("seq").asLong() - 1);
        assertThat(listed.path("unreadCount").asLong()).isEqualTo(1);
        // The author has read its own messages.
        assertThat(chat.listed(bob, channel).path("lastReadSeq").asLong())
                .isEqualTo(second.path("seq").asLong());
    }

    @Test
    void mentionCountIsTheCallersUnreadMentionsPerChannel() {
        Api.Session alice = api.newUser("mentioned");
        Api.Session bob = api.newUser("mentioner");
        String at = "@" + alice.username();
        String channel = chat.createTeam(alice, Chat.channelName("mentions"), false, bob)
                .path("id")
                .asText();
        String other = chat.createTeam(bob, Chat.channelName("mentions2"), false, alice)
                .path("id")
                .asText();
        String quiet = chat.createTeam(bob, Chat.channelName("quiet"), false, alice)
                .path("id")
                .asText();

        // The caller's own message first: posting also marks everything before it as read.
        chat.post(alice, channel, "talking to myself " + at);
        JsonNode first = chat.post(bob, channel, "hi " + at + ", look");
        chat.post(bob, channel, "nobody is mentioned here");
        chat.post(bob, channel, "write to x" + at + " or " + at + "x or " + at + "-2 or @" + at);
        JsonNode deleted = chat.post(bob, channel, "soon gone " + at);
        assertThat(api.delete("/api/messages/" + deleted.path("id").asText(), bob)
                        .status())
                .isEqualTo(204);
        chat.reply(bob, channel, first.path("id").asText(), "in a thread " + at);
        chat.post(bob, channel, "(" + at.toUpperCase() + ")");
        chat.post(bob, channel, "end of a sentence, " + at + ".");
        chat.post(bob, other, at + " there too");
        chat.post(bob, quiet, "no one");

        // Counted: the first, the upper-case one and the one before a full stop. Not counted: text without the
        // name, the name inside a word or a longer name, a deleted message, a thread reply, the caller's own.
        assertThat(chat.listed(alice, channel).path("mentionCount").asLong()).isEqualTo(3);
        assertThat(chat.listed(alice, other).path("mentionCount").asLong()).isEqualTo(1);
        assertThat(chat.listed(alice, quiet).path("mentionCount").asLong()).isZero();
        assertThat(chat.listed(bob, channel).path("mentionCount").asLong()).isZero();
        // The same counts when one channel is asked for.
        assertThat(api.get("/api/channels/" + channel, alice)
                        .json()
                        .path("mentionCount")
                        .isNumber())
                .isTrue();
        assertThat(api.get("/api/channels/" + channel, alice)
                        .json()
                        .path("mentionCount")
                        .asLong())
                .isEqualTo(3);
        assertThat(api.get("/api/channels/" + other, alice)
                        .json()
                        .path("mentionCount")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/channels/" + channel, bob)
                        .json()
                        .path("mentionCount")
                        .asLong())
                .isZero();

        // Reading past the first mention leaves two; reading everything leaves none.
        assertThat(api.post(
                                "/api/channels/" + channel + "/read",
                                Api.json().put("seq", first.path("seq").asLong()),
                                alice)
                        .status())
                .isEqualTo(204);
        assertThat(chat.listed(alice, channel).path("mentionCount").asLong()).isEqualTo(2);
        assertThat(api.post(
                                "/api/channels/" + channel + "/read",
                                Api.json().put("seq", chat.lastSeq(alice, channel)),
                                alice)
                        .status())
                .isEqualTo(204);
        assertThat(chat.listed(alice, channel).path("mentionCount").asLong()).isZero();
        assertThat(chat.listed(alice, other).path("mentionCount").asLong()).isEqualTo(1);
    }

    @Test
    void conversationsAreListedWithTheirMembersAndTeamChannelsWithout() {
        Api.Session alice = api.newUser("convo");
        Api.Session bob = api.newUser("convo");
        String direct = chat.createMessaging(alice, bob).json().path("id").asText();
        String team = chat.createTeam(alice, Chat.channelName("nomembers"), false, bob)
                .path("id")
                .asText();

        JsonNode listedDirect = chat.listed(alice, direct);
        assertThat(idsOf(listedDirect.path("members"))).containsExactlyInAnyOrder(alice.userId(), bob.userId());
        assertThat(listedDirect.path("members").get(0).has("online")).isTrue();
        assertThat(chat.listed(alice, team).path("members").isNull()).isTrue();
    }
}
