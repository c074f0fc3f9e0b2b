package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static dev.netchat.it.Chat.assertRefused;
import static dev.netchat.it.Chat.idOf;
import static dev.netchat.it.Chat.idsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Channels (API.md, Channels): who may see, create, change, join and leave them, and what bad input gets. */
@ExtendWith(ServerExtension.class)
class ChannelIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @Test
    void creatingATeamChannelAnswers201WithEveryDocumentedField() {
        Api.Session alice = api.newUser("chan");
        Api.Session bob = api.newUser("chan");
        String name = Chat.channelName("team");
        ObjectNode body = Api.json()
                .put("type", "team")
                .put("name", name)
                .put("description", "Where we plan <things> & more")
                .put("private", false);
        body.set("memberIds", Chat.ids(bob));

        Api.Reply r = chat.createChannel(alice, body);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode c = r.json();
        assertThat(Chat.fieldNames(c))
                .contains(
                        "id",
                        "type",
                        "name",
                        "description",
                        "private",
                        "createdBy",
                        "createdAt",
                        "updatedAt",
                        "memberCount",
                        "lastSeq",
                        "lastMessageAt",
                        "unreadCount");
        assertThat(c.path("id").asText()).isNotBlank();
        assertThat(c.path("type").asText()).isEqualTo("team");
        assertThat(c.path("name").asText()).isEqualTo(name);
        assertThat(c.path("description").asText()).isEqualTo("Where we plan <things> & more");
        assertThat(c.path("private").isBoolean()).isTrue();
        assertThat(c.path("private").asBoolean()).isFalse();
        assertThat(idOf(c.path("createdBy"))).isEqualTo(alice.userId());
        assertThat(c.path("createdAt").asText()).matches(Chat.ISO_TIME);
        assertThat(c.path("updatedAt").asText()).matches(Chat.ISO_TIME);
        assertThat(c.path("memberCount").asInt()).isEqualTo(2);
        // No channel event yet: the first one will take seq 1.
        assertThat(c.path("lastSeq").isIntegralNumber()).as(c.toString()).isTrue();
        assertThat(c.path("lastSeq").asLong()).isZero();
        assertThat(c.path("lastMessageAt").isNull())
                .as("lastMessageAt of a channel without messages: %s", c)
                .isTrue();
        assertThat(c.path("unreadCount").isIntegralNumber()).as(c.toString()).isTrue();
        assertThat(c.path("unreadCount").asLong()).isZero();
        // The listed member can read it at once.
        assertThat(chat.channel(bob, c.path("id").asText()).path("name").asText())
                .isEqualTo(name);
    }

    @Test
    void theChannelListHoldsTheCallersChannelsMostRecentActivityFirstAndFiltersByType() throws Exception {
        Api.Session alice = api.newUser("list");
        Api.Session bob = api.newUser("list");
        Api.Session carol = api.newUser("list");
        String older = chat.createTeam(alice, Chat.channelName("older"), false, bob)
                .path("id")
                .asText();
        Thread.sleep(20); // distinct creation times
        String newer = chat.createTeam(alice, Chat.channelName("newer"), true)
                .path("id")
                .asText();
        Thread.sleep(20);
        Api.Reply dmReply = chat.createMessaging(alice, bob);
        assertThat(dmReply.status()).as(dmReply.toString()).isEqualTo(201);
        String dm = dmReply.json().path("id").asText();
        Thread.sleep(20);
        chat.post(bob, older, "the oldest channel is now the most recently active");
        Set<String> ours = Set.of(older, newer, dm);

        List<JsonNode> all = chat.channels(alice, "");
        List<JsonNode> teams = chat.channels(alice, "?type=team");
        List<JsonNode> messaging = chat.channels(alice, "?type=messaging");

        assertThat(ids(all).stream().filter(ours::contains).toList()).containsExactly(older, dm, newer);
        assertThat(ids(teams).stream().filter(ours::contains).toList()).containsExactly(older, newer);
        assertThat(teams).allSatisfy(c -> assertThat(c.path("type").asText()).isEqualTo("team"));
        assertThat(ids(messaging).stream().filter(ours::contains).toList()).containsExactly(dm);
        assertThat(messaging)
                .allSatisfy(c -> assertThat(c.path("type").asText()).isEqualTo("messaging"));
        // Only the caller's own channels.
        assertThat(ids(chat.channels(bob, ""))).contains(older, dm).doesNotContain(newer);
        assertThat(ids(chat.channels(carol, ""))).doesNotContainAnyElementsOf(ours);
    }

    @Test
    void aMemberGetsTheChannelWithItsMembers() {
        Api.Session alice = api.newUser("members");
        Api.Session bob = api.newUser("members");
        String id = chat.createTeam(alice, Chat.channelName("members"), true, bob)
                .path("id")
                .asText();

        JsonNode c = chat.channel(bob, id);

        assertThat(c.path("id").asText()).isEqualTo(id);
        assertThat(c.path("memberCount").asInt()).isEqualTo(2);
        assertThat(c.path("members").isArray()).as(c.toString()).isTrue();
        assertThat(idsOf(c.path("members"))).containsExactlyInAnyOrder(alice.userId(), bob.userId());
        for (JsonNode m : c.path("members")) {
            String expected = m.path("id").asText().equals(alice.userId()) ? alice.username() : bob.username();
            assertThat(m.path("username").asText()).isEqualTo(expected);
        }
        assertThat(c.toString()).doesNotContain("$2a$").doesNotContainIgnoringCase("password");
    }

    @Test
    void aNonMemberCannotSeeAChannelOrItsMessages() {
        Api.Session alice = api.newUser("hidden");
        Api.Session bob = api.newUser("hidden");
        Api.Session eve = api.newUser("outsider");
        String privateTeam = chat.createTeam(alice, Chat.channelName("secret"), true, bob)
                .path("id")
                .asText();
        Api.Reply dmReply = chat.createMessaging(alice, bob);
        assertThat(dmReply.status()).isEqualTo(201);
        String dm = dmReply.json().path("id").asText();
        String publicTeam = chat.createTeam(alice, Chat.channelName("open"), false)
                .path("id")
                .asText();

        for (String id : List.of(privateTeam, dm)) {
            assertProblem(api.get("/api/channels/" + id, eve), 404);
            assertProblem(api.get("/api/channels/" + id + "/messages", eve), 404);
        }
        assertProblem(api.get("/api/channels/" + UUID.randomUUID(), eve), 404);
        // A public channel is discoverable, but only members read it.
        assertRefused(api.get("/api/channels/" + publicTeam, eve));
        assertRefused(api.get("/api/channels/" + publicTeam + "/messages", eve));
    }

    @Test
    void theCreatorMayChangeTheChannelAndAPlainMemberMayNot() {
        Api.Session alice = api.newUser("patch");
        Api.Session bob = api.newUser("patch");
        JsonNode created = chat.createTeam(alice, Chat.channelName("before"), false, bob);
        String id = created.path("id").asText();
        String newName = Chat.channelName("after");

        Api.Reply byMember = api.patch("/api/channels/" + id, Api.json().put("name", Chat.channelName("hijack")), bob);
        Api.Reply byCreator = api.patch(
                "/api/channels/" + id,
                Api.json().put("name", newName).put("description", "Renamed").put("private", true),
                alice);

        assertProblem(byMember, 403);
        assertThat(byCreator.status()).as(byCreator.toString()).isEqualTo(200);
        assertThat(byCreator.json().path("id").asText()).isEqualTo(id);
        assertThat(byCreator.json().path("name").asText()).isEqualTo(newName);
        assertThat(byCreator.json().path("description").asText()).isEqualTo("Renamed");
        assertThat(byCreator.json().path("private").asBoolean()).isTrue();
        assertThat(byCreator.json().path("updatedAt").asText())
                .matches(Chat.ISO_TIME)
                .isGreaterThanOrEqualTo(created.path("updatedAt").asText());
        JsonNode seenByBob = chat.channel(bob, id);
        assertThat(seenByBob.path("name").asText()).isEqualTo(newName);
        assertThat(seenByBob.path("private").asBoolean()).isTrue();
    }

    @Test
    void anAdminMayChangeAnyChannelAndManageItsMembers() {
        Api.Session alice = api.newUser("adminchan");
        Api.Session dave = api.newUser("adminchan");
        String id = chat.createTeam(alice, Chat.channelName("managed"), true)
                .path("id")
                .asText();
        Api.Session admin = api.admin();
        String newName = Chat.channelName("byadmin");

        Api.Reply patch = api.patch("/api/channels/" + id, Api.json().put("name", newName), admin);
        Api.Reply add = api.post("/api/channels/" + id + "/members", userIds(dave), admin);

        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        assertThat(add.status()).as(add.toString()).isEqualTo(200);
        JsonNode c = chat.channel(dave, id);
        assertThat(c.path("name").asText()).isEqualTo(newName);
        assertThat(idsOf(c.path("members"))).contains(dave.userId());
    }

    @Test
    void aDirectMessageBetweenTheSameTwoUsersIsCreatedOnceWhoeverAsks() {
        Api.Session alice = api.newUser("dm");
        Api.Session bob = api.newUser("dm");

        Api.Reply first = chat.createMessaging(alice, bob);
        Api.Reply again = chat.createMessaging(alice, bob);
        Api.Reply fromBob = chat.createMessaging(bob, alice);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String id = first.json().path("id").asText();
        assertThat(first.json().path("type").asText()).isEqualTo("messaging");
        assertThat(first.json().path("memberCount").asInt()).isEqualTo(2);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(id);
        assertThat(fromBob.status()).as(fromBob.toString()).isEqualTo(200);
        assertThat(fromBob.json().path("id").asText()).isEqualTo(id);
        assertThat(ids(chat.channels(alice, "?type=messaging"))).containsOnlyOnce(id);
        assertThat(ids(chat.channels(bob, "?type=messaging"))).containsOnlyOnce(id);
    }

    @Test
    void aGroupConversationHasEveryListedMemberAndIsNotTheirDirectMessage() {
        Api.Session alice = api.newUser("group");
        Api.Session bob = api.newUser("group");
        Api.Session carol = api.newUser("group");
        Api.Session dave = api.newUser("group");

        Api.Reply group = chat.createMessaging(alice, bob, carol);
        Api.Reply dm = chat.createMessaging(alice, bob);

        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        String id = group.json().path("id").asText();
        assertThat(group.json().path("type").asText()).isEqualTo("messaging");
        assertThat(group.json().path("memberCount").asInt()).isEqualTo(3);
        assertThat(idsOf(chat.channel(carol, id).path("members")))
                .containsExactlyInAnyOrder(alice.userId(), bob.userId(), carol.userId());
        assertThat(chat.channel(bob, id).path("memberCount").asInt()).isEqualTo(3);
        assertProblem(api.get("/api/channels/" + id, dave), 404);
        assertThat(dm.status()).as(dm.toString()).isEqualTo(201);
        assertThat(dm.json().path("id").asText()).isNotEqualTo(id);
    }

    @Test
    void discoverListsOnlyPublicTeamChannelsTheCallerIsNotIn() {
        Api.Session alice = api.newUser("disc");
        Api.Session bob = api.newUser("disc");
        Api.Session carol = api.newUser("disc");
        String token = Chat.token();
        String open = chat.createTeam(alice, token + "-open", false).path("id").asText();
        String closed =
                chat.createTeam(alice, token + "-closed", true).path("id").asText();
        String bobsOwn =
                chat.createTeam(alice, token + "-bobs", false, bob).path("id").asText();

        List<String> forBob = discover(bob, token);
        List<String> forCarol = discover(carol, token);
        List<String> forAlice = discover(alice, token);

        assertThat(forBob).contains(open).doesNotContain(closed, bobsOwn);
        assertThat(forCarol).contains(open, bobsOwn).doesNotContain(closed);
        assertThat(forAlice).doesNotContain(open, closed, bobsOwn);
    }

    @Test
    void anyoneMayJoinAPublicTeamChannelButNotAPrivateOneOrAConversation() {
        Api.Session alice = api.newUser("join");
        Api.Session bob = api.newUser("join");
        Api.Session carol = api.newUser("join");
        String open = chat.createTeam(alice, Chat.channelName("open"), false)
                .path("id")
                .asText();
        String closed = chat.createTeam(alice, Chat.channelName("closed"), true)
                .path("id")
                .asText();
        Api.Reply dmReply = chat.createMessaging(alice, bob);
        String dm = dmReply.json().path("id").asText();

        Api.Reply joinOpen = api.post("/api/channels/" + open + "/join", null, carol);
        Api.Reply joinClosed = api.post("/api/channels/" + closed + "/join", null, carol);
        Api.Reply joinDm = api.post("/api/channels/" + dm + "/join", null, carol);

        assertThat(joinOpen.status()).as(joinOpen.toString()).isEqualTo(200);
        assertThat(joinOpen.json().path("id").asText()).isEqualTo(open);
        assertThat(joinOpen.json().path("memberCount").asInt()).isEqualTo(2);
        assertThat(idsOf(chat.channel(carol, open).path("members"))).contains(carol.userId());
        assertThat(ids(chat.channels(carol, ""))).contains(open);

        assertRefused(joinClosed);
        assertProblem(api.get("/api/channels/" + closed, carol), 404);
        assertThat(chat.channel(alice, closed).path("memberCount").asInt()).isEqualTo(1);
        assertRefused(joinDm);
        assertProblem(api.get("/api/channels/" + dm, carol), 404);
        assertThat(chat.channel(alice, dm).path("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void theCreatorMayAddMembersAndAPlainMemberMayNot() {
        Api.Session alice = api.newUser("add");
        Api.Session bob = api.newUser("add");
        Api.Session carol = api.newUser("add");
        Api.Session dave = api.newUser("add");
        String id = chat.createTeam(alice, Chat.channelName("adding"), true, bob)
                .path("id")
                .asText();

        Api.Reply byCreator = api.post("/api/channels/" + id + "/members", userIds(carol), alice);
        Api.Reply byMember = api.post("/api/channels/" + id + "/members", userIds(dave), bob);

        assertThat(byCreator.status()).as(byCreator.toString()).isEqualTo(200);
        assertThat(byCreator.json().path("id").asText()).isEqualTo(id);
        assertThat(byCreator.json().path("memberCount").asInt()).isEqualTo(3);
        assertThat(chat.channel(carol, id).path("memberCount").asInt()).isEqualTo(3);
        assertProblem(byMember, 403);
        assertProblem(api.get("/api/channels/" + id, dave), 404);
        assertThat(idsOf(chat.channel(alice, id).path("members"))).doesNotContain(dave.userId());
    }

    @Test
    void theCreatorMayRemoveAMemberAndAPlainMemberMayNot() {
        Api.Session alice = api.newUser("remove");
        Api.Session bob = api.newUser("remove");
        Api.Session carol = api.newUser("remove");
        String id = chat.createTeam(alice, Chat.channelName("removing"), true, bob, carol)
                .path("id")
                .asText();

        Api.Reply byMember = api.delete("/api/channels/" + id + "/members/" + carol.userId(), bob);
        Api.Reply byCreator = api.delete("/api/channels/" + id + "/members/" + bob.userId(), alice);

        assertProblem(byMember, 403);
        assertThat(byCreator.status()).as(byCreator.toString()).isEqualTo(204);
        assertProblem(api.get("/api/channels/" + id, bob), 404);
        assertThat(ids(chat.channels(bob, ""))).doesNotContain(id);
        JsonNode c = chat.channel(carol, id);
        assertThat(c.path("memberCount").asInt()).isEqualTo(2);
        assertThat(idsOf(c.path("members"))).containsExactlyInAnyOrder(alice.userId(), carol.userId());
    }

    @Test
    void aMemberLeavesByRemovingItself() {
        Api.Session alice = api.newUser("leave");
        Api.Session bob = api.newUser("leave");
        String id = chat.createTeam(alice, Chat.channelName("leaving"), false, bob)
                .path("id")
                .asText();

        Api.Reply leave = api.delete("/api/channels/" + id + "/members/" + bob.userId(), bob);

        assertThat(leave.status()).as(leave.toString()).isEqualTo(204);
        assertThat(ids(chat.channels(bob, ""))).doesNotContain(id);
        assertRefused(api.get("/api/channels/" + id, bob));
        assertThat(chat.channel(alice, id).path("memberCount").asInt()).isEqualTo(1);
    }

    @Test
    void aChannelWithoutATypeIsA400NamingType() {
        Api.Session alice = api.newUser("badtype");
        ObjectNode body = Api.json().put("name", Chat.channelName("notype"));
        body.putArray("memberIds");
        assertCreationRefused(alice, body, "type");
    }

    @Test
    void anUnknownChannelTypeIsA400NamingType() {
        Api.Session alice = api.newUser("badtype");
        ObjectNode body = Api.json().put("type", "livestream").put("name", Chat.channelName("badtype"));
        body.putArray("memberIds");
        assertCreationRefused(alice, body, "type");
    }

    @Test
    void aTeamChannelNeedsAName() {
        Api.Session alice = api.newUser("badname");
        ObjectNode missing = Api.json().put("type", "team");
        missing.putArray("memberIds");
        ObjectNode blank = Api.json().put("type", "team").put("name", "   ");
        blank.putArray("memberIds");
        assertCreationRefused(alice, missing, "name");
        assertCreationRefused(alice, blank, "name");
    }

    @Test
    void aChannelNameOf300CharactersIsA400NamingName() {
        Api.Session alice = api.newUser("longname");
        ObjectNode body = Api.json().put("type", "team").put("name", "n".repeat(300));
        body.putArray("memberIds");
        assertCreationRefused(alice, body, "name");
    }

    @Test
    void unknownMemberIdsAreA400NamingMemberIdsAndCreateNothing() {
        Api.Session alice = api.newUser("ghosts");
        ObjectNode unknown = Api.json().put("type", "team").put("name", Chat.channelName("ghosts"));
        unknown.putArray("memberIds").add(UUID.randomUUID().toString());
        ObjectNode malformed = Api.json().put("type", "messaging");
        malformed.putArray("memberIds").add("not-a-user-id");

        assertCreationRefused(alice, unknown, "memberIds");
        assertCreationRefused(alice, malformed, "memberIds");
    }

    private void assertCreationRefused(Api.Session caller, ObjectNode body, String field) {
        int before = chat.channels(caller, "").size();
        Api.Reply r = chat.createChannel(caller, body);
        assertProblem(r, 400);
        assertThat(r.errorFields())
                .as(r.toString())
                .anySatisfy(f -> assertThat(f).startsWith(field));
        assertThat(chat.channels(caller, "")).as("nothing was created").hasSize(before);
    }

    private List<String> discover(Api.Session caller, String q) {
        Api.Reply r = api.get("/api/channels/discover?q=" + q, caller);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("channels").isArray()).as(r.toString()).isTrue();
        for (JsonNode c : r.json().path("channels")) {
            assertThat(c.path("type").asText()).as(c.toString()).isEqualTo("team");
            assertThat(c.path("private").asBoolean()).as(c.toString()).isFalse();
        }
        return idsOf(r.json().path("channels"));
    }

    private static ObjectNode userIds(Api.Session... users) {
        ObjectNode body = Api.json();
        body.set("userIds", Chat.ids(users));
        return body;
    }

    private static List<String> ids(List<JsonNode> channels) {
        return channels.stream().map(c -> c.path("id").asText()).toList();
    }
}
