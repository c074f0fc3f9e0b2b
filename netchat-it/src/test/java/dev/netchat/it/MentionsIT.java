package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @channel} and {@code @here}: they count as a mention for every other member (the sidebar's
 * mentionCount), and in a channel of more than 50 members only its creator or an admin may use them, in a new
 * message or an edit, because they would wake everyone.
 */
@ExtendWith(ServerExtension.class)
class MentionsIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void atChannelAndAtHereCountAsAMentionOfEveryOtherMember() {
        Api.Session alice = api.newUser("men");
        Api.Session bob = api.newUser("men");
        Api.Session carol = api.newUser("men");
        String room = chat.privateChannel(alice, bob, carol);

        chat.post(bob, room, "standup in five @here");
        chat.post(alice, room, "@channel the build is red");
        chat.post(alice, room, "nothing for #channel or here@example.org");

        // Carol has read nothing: both calls count, the look-alike does not.
        assertThat(chat.listed(carol, room).path("mentionCount").asLong()).isEqualTo(2);
        // Bob's own @here is no mention of him; Alice's @channel after it is.
        assertThat(chat.listed(bob, room).path("mentionCount").asLong()).isEqualTo(1);
        // Posting reads what came before: Alice's own messages moved her marker past Bob's @here.
        assertThat(chat.listed(alice, room).path("mentionCount").asLong()).isZero();
    }

    @Test
    void inAChannelOfMoreThanFiftyOnlyItsCreatorOrAnAdminMayCallEveryone() {
        Api.Session owner = api.newUser("big");
        Api.Session member = api.newUser("big");
        Api.Session admin = api.admin();
        List<Api.Session> crowd = new ArrayList<>(List.of(member, admin));
        for (int i = 0; i < 49; i++) {
            crowd.add(api.newUser("big"));
        }
        String room = chat.privateChannel(owner, crowd.toArray(Api.Session[]::new));
        assertThat(chat.channel(owner, room).path("memberCount").asInt()).isEqualTo(52);

        for (String text : new String[] {"@channel please read", "@here anyone?"}) {
            Api.Reply refused = chat.send(member, room, Chat.message(text, Chat.clientMessageId()));
            assertProblem(refused, 403);
            assertThat(refused.json().path("detail").asText()).contains("@channel");
        }
        // Words that only look alike are fine, and so is the creator, and an admin.
        assertThat(chat.send(member, room, Chat.message("the @channels list", Chat.clientMessageId()))
                        .status())
                .isEqualTo(201);
        assertThat(chat.send(owner, room, Chat.message("@channel release at noon", Chat.clientMessageId()))
                        .status())
                .isEqualTo(201);
        assertThat(chat.send(admin, room, Chat.message("@here maintenance", Chat.clientMessageId()))
                        .status())
                .isEqualTo(201);
        // Nothing refused was stored.
        ArrayNode texts = Api.JSON.createArrayNode();
        chat.history(owner, room).forEach(m -> texts.add(m.path("text").asText()));
        assertThat(texts.toString()).doesNotContain("please read").doesNotContain("anyone?");

        // An edit cannot add what a new message may not say.
        String plain = chat.post(member, room, "hello all").path("id").asText();
        assertProblem(api.patch("/api/messages/" + plain, Api.json().put("text", "hello @here"), member), 403);
        assertThat(chat.find(owner, room, plain).path("text").asText()).isEqualTo("hello all");
    }

    /**
     * GET /api/mentions lists what calls on the caller, replies included, newest first: by name in any case,
     * @channel, @here; never a look-alike, the caller's own message, a deleted one, or a channel it is not in.
     */
    @Test
    void theMentionsListHoldsWhatCallsOnTheCallerNewestFirstAndOnlyFromItsChannels() {
        Api.Session alice = api.newUser("mnl");
        Api.Session bob = api.newUser("mnl");
        Api.Session outsider = api.newUser("mnl");
        String room = chat.privateChannel(alice, bob);
        String elsewhere = chat.privateChannel(outsider);

        String byName = chat.post(bob, room, "ping @" + alice.username().toUpperCase() + " about the release")
                .path("id")
                .asText();
        chat.post(bob, room, "mail " + alice.username() + "@example.org or @" + alice.username() + "x");
        String aliceHere =
                chat.post(alice, room, "@here I said it myself").path("id").asText();
        String thread = chat.post(bob, room, "a thread").path("id").asText();
        String reply =
                chat.reply(bob, room, thread, "@channel in a reply").path("id").asText();
        String deleted = chat.post(bob, room, "@" + alice.username() + " oops")
                .path("id")
                .asText();
        assertThat(api.delete("/api/messages/" + deleted, bob).status()).isEqualTo(204);
        String here = chat.post(bob, room, "@here last one").path("id").asText();
        // A channel Alice is not in: even if it names her, she may not read it.
        chat.post(outsider, elsewhere, "@" + alice.username() + " you cannot see this");

        Api.Reply all = api.get("/api/mentions", alice);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(Chat.idsOf(all.json().path("messages"))).containsExactly(here, reply, byName);
        JsonNode first = all.json().path("messages").get(0);
        assertThat(first.path("channelId").asText()).isEqualTo(room);
        assertThat(all.json().path("messages").get(1).path("parentId").asText()).isEqualTo(thread);

        // Paging back from the newest: the rest, in order; limit cuts.
        Api.Reply older = api.get(
                "/api/mentions?limit=10&before=" + first.path("createdAt").asText(), alice);
        assertThat(Chat.idsOf(older.json().path("messages"))).containsExactly(reply, byName);
        assertThat(Chat.idsOf(api.get("/api/mentions?limit=1", alice).json().path("messages")))
                .containsExactly(here);

        // Alice's own @here is no mention of her, but it is Bob's only one (he wrote the rest). The outsider
        // sees nothing of the room.
        assertThat(Chat.idsOf(api.get("/api/mentions", bob).json().path("messages")))
                .containsExactly(aliceHere);
        assertThat(api.get("/api/mentions", outsider).json().path("messages")).isEmpty();

        assertProblem(api.get("/api/mentions?before=yesterday", alice), 400);
        assertProblem(api.get("/api/mentions?limit=0", alice), 400);
        assertThat(api.send("GET", "/api/mentions", null).status()).isEqualTo(401);
    }

    /**
     * The list follows the one mention rule at the edges of a name, on H2 (a LIKE scan) and PostgreSQL (the
     * indexed mention_names of V77) alike: punctuation around the name and a following "." count; a name glued
     * to a word or another "@", or continued by "-" or a letter, does not.
     */
    @Test
    void theListFollowsTheMentionRuleAtTheEdgesOfAName() {
        Api.Session alice = api.newUser("mne");
        Api.Session bob = api.newUser("mne");
        String room = chat.privateChannel(bob, alice);
        String name = alice.username();
        List<String> calls = new ArrayList<>();
        for (String text : List.of(
                "(@" + name + ")",
                "thanks @" + name + ".",
                "@" + name.toUpperCase() + ", see this",
                "café@" + name + " counts: é is no ASCII word character",
                "@" + name + ".later",
                "@" + name + "!")) {
            calls.add(chat.post(bob, room, text).path("id").asText());
        }
        for (String text : List.of(
                "x@" + name,
                "@@" + name,
                "@" + name + "-x",
                "@" + name + "x",
                "@" + name + "_x",
                name + " without the at")) {
            chat.post(bob, room, text);
        }
        Collections.reverse(calls);
        assertThat(Chat.idsOf(api.get("/api/mentions", alice).json().path("messages")))
                .containsExactlyElementsOf(calls);
    }
}
