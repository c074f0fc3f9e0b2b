package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static dev.netchat.it.Chat.assertRefused;
import static dev.netchat.it.Chat.idsOf;
import static dev.netchat.it.Chat.reaction;
import static dev.netchat.it.Chat.reactionCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Messages (API.md, Messages): posting, idempotent retries, history paging, edits, deletes, reactions, threads, search, read markers. */
@ExtendWith(ServerExtension.class)
class MessageIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    /** A fresh private team channel: alice created it, bob is a member. */
    private record Room(Api.Session alice, Api.Session bob, String id) {}

    private Room room() {
        Api.Session alice = api.newUser("msg");
        Api.Session bob = api.newUser("msg");
        return new Room(alice, bob, chat.privateChannel(alice, bob));
    }

    @Test
    void postingAMessageAnswers201WithEveryDocumentedFieldAndTheFirstSeq() {
        Room room = room();
        String clientMessageId = Chat.clientMessageId();

        Api.Reply r = chat.send(room.alice(), room.id(), Chat.message("Hello, team", clientMessageId));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode m = r.json();
        assertThat(Chat.fieldNames(m))
                .contains(
                        "id",
                        "channelId",
                        "seq",
                        "user",
                        "text",
                        "createdAt",
                        "updatedAt",
                        "edited",
                        "deleted",
                        "parentId",
                        "replyCount",
                        "reactions",
                        "clientMessageId");
        assertThat(m.path("id").asText()).isNotBlank();
        assertThat(m.path("channelId").asText()).isEqualTo(room.id());
        assertThat(m.path("seq").asLong()).isEqualTo(1);
        assertThat(m.path("user").path("id").asText()).isEqualTo(room.alice().userId());
        assertThat(m.path("user").path("username").asText())
                .isEqualTo(room.alice().username());
        assertThat(Chat.fieldNames(m.path("user"))).contains("id", "username", "fullName", "avatarURL");
        assertThat(m.path("text").asText()).isEqualTo("Hello, team");
        assertThat(m.path("createdAt").asText()).matches(Chat.ISO_TIME);
        assertThat(m.path("updatedAt").asText()).matches(Chat.ISO_TIME);
        assertThat(m.path("edited").asBoolean(true)).isFalse();
        assertThat(m.path("deleted").asBoolean(true)).isFalse();
        assertThat(m.path("parentId").isNull()).as(m.toString()).isTrue();
        assertThat(m.path("replyCount").asInt(-1)).isZero();
        assertThat(m.path("reactions").isArray()).isTrue();
        assertThat(m.path("reactions")).isEmpty();
        assertThat(m.path("clientMessageId").asText()).isEqualTo(clientMessageId);

        JsonNode c = chat.channel(room.bob(), room.id());
        assertThat(c.path("lastSeq").asLong()).isEqualTo(1);
        assertThat(c.path("lastMessageAt").asText()).matches(Chat.ISO_TIME);
    }

    /**
     * The answer to a post is built from what the posting transaction holds, not read back (the channel stays
     * locked until commit): it must be exactly what the history shows afterwards, files in upload order included.
     */
    @Test
    void thePostsAnswerIsExactlyWhatTheHistoryShowsFilesInUploadOrder() {
        Room room = room();
        Files files = new Files(api);
        List<String> uploadOrder = new ArrayList<>();
        for (String name : List.of("first.txt", "second.txt", "third.txt")) {
            Api.Reply up = files.upload(room.alice(), room.id(), name, ("content of " + name).getBytes(), "text/plain");
            assertThat(up.status()).as(up.toString()).isEqualTo(201);
            uploadOrder.add(up.json().path("id").asText());
        }
        ObjectNode body = Chat.message("three files", Chat.clientMessageId());
        var ids = body.putArray("attachmentIds");
        List.of(uploadOrder.get(2), uploadOrder.get(0), uploadOrder.get(1)).forEach(ids::add);

        Api.Reply r = chat.send(room.alice(), room.id(), body);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode posted = r.json();
        assertThat(idsOf(posted.path("attachments")))
                .as("attachments in upload order")
                .isEqualTo(uploadOrder);
        JsonNode stored = chat.history(room.alice(), room.id()).get(0);
        assertThat(posted).as("the post's answer against the history").isEqualTo(stored);
    }

    @Test
    void theSameClientMessageIdAgainAnswers200WithTheFirstMessageAndStoresNoCopy() {
        Room room = room();
        ObjectNode body = Chat.message("Sent twice over a flaky network", Chat.clientMessageId());

        Api.Reply first = chat.send(room.alice(), room.id(), body);
        Api.Reply retry = chat.send(room.alice(), room.id(), body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        assertThat(retry.json().path("seq").asLong())
                .isEqualTo(first.json().path("seq").asLong());
        List<JsonNode> history = chat.history(room.bob(), room.id());
        assertThat(idsOf(asArray(history)))
                .containsExactly(first.json().path("id").asText());
        // The retry took no seq: the next message follows without a gap.
        assertThat(chat.lastSeq(room.alice(), room.id()))
                .isEqualTo(first.json().path("seq").asLong());
        assertThat(chat.post(room.bob(), room.id(), "next").path("seq").asLong())
                .isEqualTo(first.json().path("seq").asLong() + 1);
    }

    @Test
    void historyIsInAscendingSeqAndPagesWithAfterBeforeAndLimit() {
        Room room = room();
        List<Long> posted = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            posted.add(chat.post(i % 2 == 0 ? room.bob() : room.alice(), room.id(), "message " + i)
                    .path("seq")
                    .asLong());
        }
        assertThat(posted).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);

        assertPage(room, "", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), false);
        assertPage(room, "?after=0&limit=3", List.of(1L, 2L, 3L), true);
        assertPage(room, "?after=3&limit=3", List.of(4L, 5L, 6L), true);
        assertPage(room, "?after=6&limit=3", List.of(7L), false);
        assertPage(room, "?before=8&limit=3", List.of(5L, 6L, 7L), true);
        assertPage(room, "?before=5&limit=3", List.of(2L, 3L, 4L), true);
        assertPage(room, "?before=2&limit=3", List.of(1L), false);
        JsonNode limited = chat.page(room.bob(), room.id(), "?limit=3");
        List<Long> seqs = Chat.seqsOf(asList(limited.path("messages")));
        assertThat(seqs).hasSize(3).isSorted();
        assertThat(limited.path("hasMore").asBoolean()).isTrue();
        assertThat(chat.page(room.bob(), room.id(), "?after=0&limit=1")
                        .path("messages")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("message 1");
    }

    @Test
    void historyAnswers50MessagesByDefault() {
        Room room = room();
        for (int i = 1; i <= 55; i++) {
            chat.post(room.alice(), room.id(), "bulk " + i);
        }

        JsonNode fromStart = chat.page(room.bob(), room.id(), "?after=0");
        JsonNode plain = chat.page(room.bob(), room.id(), "");

        assertThat(Chat.seqsOf(asList(fromStart.path("messages")))).isEqualTo(Chat.range(1, 50));
        assertThat(fromStart.path("hasMore").asBoolean()).isTrue();
        assertThat(plain.path("messages")).hasSize(50);
        assertThat(Chat.seqsOf(asList(plain.path("messages")))).isSorted();
        assertThat(plain.path("hasMore").asBoolean()).isTrue();
    }

    @Test
    void aLimitOutside1To200IsA400() {
        Room room = room();
        for (String limit : List.of("0", "201", "-1", "lots")) {
            assertProblem(api.get("/api/channels/" + room.id() + "/messages?limit=" + limit, room.alice()), 400);
        }
        assertThat(chat.page(room.alice(), room.id(), "?limit=200").path("messages"))
                .isEmpty();
    }

    @Test
    void onlyTheAuthorMayEditAMessage() {
        Room room = room();
        JsonNode m = chat.post(room.bob(), room.id(), "tpyo");
        String path = "/api/messages/" + m.path("id").asText();

        Api.Reply byCreatorOfChannel = api.patch(path, Api.json().put("text", "not yours"), room.alice());
        Api.Reply byAuthor = api.patch(path, Api.json().put("text", "typo"), room.bob());

        assertProblem(byCreatorOfChannel, 403);
        assertThat(byCreatorOfChannel.json().path("kind").asText()).isEqualTo("author-only");
        assertThat(byAuthor.status()).as(byAuthor.toString()).isEqualTo(200);
        assertThat(byAuthor.json().path("id").asText()).isEqualTo(m.path("id").asText());
        assertThat(byAuthor.json().path("text").asText()).isEqualTo("typo");
        assertThat(byAuthor.json().path("edited").asBoolean()).isTrue();
        assertThat(byAuthor.json().path("seq").asLong())
                .as("a message keeps its seq")
                .isEqualTo(m.path("seq").asLong());
        JsonNode stored = chat.find(room.alice(), room.id(), m.path("id").asText());
        assertThat(stored.path("text").asText()).isEqualTo("typo");
        assertThat(stored.path("edited").asBoolean()).isTrue();
    }

    @Test
    void theAuthorMayDeleteAMessage() {
        Room room = room();
        JsonNode m = chat.post(room.bob(), room.id(), "I should not have said that");

        Api.Reply r = api.delete("/api/messages/" + m.path("id").asText(), room.bob());

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertDeleted(room, m);
    }

    @Test
    void theChannelCreatorMayDeleteAnyonesMessageAndAPlainMemberMayNot() {
        Room room = room();
        Api.Session carol = api.newUser("msg");
        assertThat(api.post("/api/channels/" + room.id() + "/members", userIds(carol), room.alice())
                        .status())
                .isEqualTo(200);
        JsonNode m = chat.post(room.bob(), room.id(), "moderate me");
        String path = "/api/messages/" + m.path("id").asText();

        Api.Reply byMember = api.delete(path, carol);
        assertProblem(byMember, 403);
        assertThat(byMember.json().path("kind").asText()).isEqualTo("author-or-managers");
        assertThat(chat.find(room.alice(), room.id(), m.path("id").asText())
                        .path("deleted")
                        .asBoolean())
                .isFalse();

        Api.Reply byCreator = api.delete(path, room.alice());
        assertThat(byCreator.status()).as(byCreator.toString()).isEqualTo(204);
        assertDeleted(room, m);
    }

    @Test
    void anAdminMayDeleteAnyMessage() {
        Room room = room();
        JsonNode m = chat.post(room.bob(), room.id(), "against the rules");

        Api.Reply r = api.delete("/api/messages/" + m.path("id").asText(), api.admin());

        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertDeleted(room, m);
    }

    @Test
    void reactionsCountOncePerUserAndTypeAndTellTheCallerWhetherItReacted() {
        Room room = room();
        JsonNode m = chat.post(room.alice(), room.id(), "React to me");
        String base = "/api/messages/" + m.path("id").asText() + "/reactions/";

        Api.Reply bobLikes = api.put(base + "thumbsup", room.bob());
        assertThat(bobLikes.status()).as(bobLikes.toString()).isEqualTo(200);
        assertThat(bobLikes.json().path("id").asText()).isEqualTo(m.path("id").asText());
        assertThat(reactionCount(bobLikes.json(), "thumbsup")).isEqualTo(1);
        assertThat(reaction(bobLikes.json(), "thumbsup").path("me").asBoolean()).isTrue();

        Api.Reply bobAgain = api.put(base + "thumbsup", room.bob());
        assertThat(bobAgain.status()).as(bobAgain.toString()).isEqualTo(200);
        assertThat(reactionCount(bobAgain.json(), "thumbsup"))
                .as("one per user, type and message")
                .isEqualTo(1);

        JsonNode seenByAlice = chat.find(room.alice(), room.id(), m.path("id").asText());
        assertThat(reactionCount(seenByAlice, "thumbsup")).isEqualTo(1);
        assertThat(reaction(seenByAlice, "thumbsup").path("me").asBoolean()).isFalse();

        Api.Reply aliceLikes = api.put(base + "thumbsup", room.alice());
        Api.Reply bobHearts = api.put(base + "heart", room.bob());
        assertThat(reactionCount(aliceLikes.json(), "thumbsup")).isEqualTo(2);
        assertThat(reaction(aliceLikes.json(), "thumbsup").path("me").asBoolean())
                .isTrue();
        assertThat(reactionCount(bobHearts.json(), "heart")).isEqualTo(1);
        assertThat(reactionCount(bobHearts.json(), "thumbsup")).isEqualTo(2);

        Api.Reply bobUnlikes = api.delete(base + "thumbsup", room.bob());
        assertThat(bobUnlikes.status()).as(bobUnlikes.toString()).isEqualTo(200);
        assertThat(reactionCount(bobUnlikes.json(), "thumbsup")).isEqualTo(1);
        assertThat(reaction(bobUnlikes.json(), "thumbsup").path("me").asBoolean())
                .isFalse();
        assertThat(reactionCount(bobUnlikes.json(), "heart")).isEqualTo(1);

        Api.Reply bobUnhearts = api.delete(base + "heart", room.bob());
        assertThat(bobUnhearts.status()).as(bobUnhearts.toString()).isEqualTo(200);
        assertThat(reactionCount(bobUnhearts.json(), "heart")).isZero();

        JsonNode finalView = chat.find(room.alice(), room.id(), m.path("id").asText());
        assertThat(reactionCount(finalView, "thumbsup")).isEqualTo(1);
        assertThat(reaction(finalView, "thumbsup").path("me").asBoolean()).isTrue();
        assertThat(reactionCount(finalView, "heart")).isZero();
    }

    /**
     * Any emoji may be a reaction (issue 19): a name beyond the six of ../shared/API.md, GitHub's "+1", and a skin
     * tone as the web client names it (thumbsup_tone3); each counts once per person and lists who reacted.
     */
    @Test
    void anyEmojiMayBeAReactionSkinTonesIncludedAndEachListsWhoReacted() {
        Room room = room();
        JsonNode m = chat.post(room.alice(), room.id(), "Tacos on Friday?");
        String base = "/api/messages/" + m.path("id").asText() + "/reactions/";
        for (String type : List.of("taco", "+1", "thumbsup_tone3", "flag_de")) {
            Api.Reply reacted = api.put(base + type, room.bob());
            assertThat(reacted.status()).as(type + ": " + reacted).isEqualTo(200);
        }
        assertThat(api.put(base + "thumbsup_tone3", room.alice()).status()).isEqualTo(200);

        JsonNode seen = chat.find(room.alice(), room.id(), m.path("id").asText());
        assertThat(reactionCount(seen, "taco")).isEqualTo(1);
        assertThat(reactionCount(seen, "+1")).isEqualTo(1);
        assertThat(reactionCount(seen, "flag_de")).isEqualTo(1);
        JsonNode toned = reaction(seen, "thumbsup_tone3");
        assertThat(toned.path("count").asInt()).isEqualTo(2);
        assertThat(toned.path("me").asBoolean()).isTrue();
        List<String> who = new ArrayList<>();
        toned.path("userIds").forEach(id -> who.add(id.asText()));
        assertThat(who)
                .containsExactlyInAnyOrder(room.alice().userId(), room.bob().userId());
    }

    @Test
    void aBadReactionTypeIsA400AndNonMembersCannotReact() {
        Room room = room();
        Api.Session eve = api.newUser("outsider");
        JsonNode m = chat.post(room.alice(), room.id(), "React properly");
        String base = "/api/messages/" + m.path("id").asText() + "/reactions/";

        for (String type : List.of("bad!", "a".repeat(33), "ThumbsUp")) {
            assertProblem(api.put(base + type, room.bob()), 400);
        }
        assertRefused(api.put(base + "thumbsup", eve));
        assertThat(chat.find(room.alice(), room.id(), m.path("id").asText()).path("reactions"))
                .isEmpty();
    }

    @Test
    void threadRepliesAreListedUnderTheirParentWhichCountsThem() {
        Room room = room();
        Api.Session eve = api.newUser("outsider");
        JsonNode parent = chat.post(room.alice(), room.id(), "Lunch at noon?");
        String parentId = parent.path("id").asText();

        JsonNode first = chat.reply(room.bob(), room.id(), parentId, "Yes");
        JsonNode second = chat.reply(room.alice(), room.id(), parentId, "Great");

        assertThat(first.path("parentId").asText()).isEqualTo(parentId);
        assertThat(second.path("parentId").asText()).isEqualTo(parentId);
        Api.Reply replies = api.get("/api/messages/" + parentId + "/replies", room.bob());
        assertThat(replies.status()).as(replies.toString()).isEqualTo(200);
        assertThat(idsOf(replies.json().path("messages")))
                .containsExactly(first.path("id").asText(), second.path("id").asText());
        assertThat(chat.find(room.bob(), room.id(), parentId).path("replyCount").asInt())
                .isEqualTo(2);
        assertRefused(api.get("/api/messages/" + parentId + "/replies", eve));
    }

    @Test
    void searchFindsOnlyMessagesInChannelsTheCallerMayRead() throws Exception {
        Room room = room();
        Api.Session dave = api.newUser("search");
        String other = chat.privateChannel(dave);
        String token = Chat.token();
        JsonNode older = chat.post(room.alice(), room.id(), "first mention of " + token + " here");
        Thread.sleep(20);
        JsonNode newer = chat.post(room.bob(), room.id(), "second mention of " + token + " here");
        JsonNode secret = chat.post(dave, other, "a secret " + token + " elsewhere");

        List<String> forAlice = awaitSearch(room.alice(), token, 2);
        List<String> forDave = awaitSearch(dave, token, 1);

        assertThat(forAlice)
                .containsExactly(newer.path("id").asText(), older.path("id").asText());
        assertThat(forDave).containsExactly(secret.path("id").asText());
        Api.Reply filtered = api.get("/api/search/messages?q=" + token + "&channelId=" + room.id(), room.bob());
        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        assertThat(idsOf(filtered.json().path("messages")))
                .containsExactly(newer.path("id").asText(), older.path("id").asText());
        // Naming a channel one may not read finds nothing there either.
        Api.Reply probing = api.get("/api/search/messages?q=" + token + "&channelId=" + other, room.alice());
        assertThat(probing.body()).doesNotContain(secret.path("id").asText()).doesNotContain("a secret");
    }

    @Test
    void unreadCountRisesWithOthersMessagesAndClearsWhenRead() {
        Room room = room();
        for (int i = 0; i < 3; i++) {
            chat.post(room.bob(), room.id(), "unread " + i);
        }
        assertThat(chat.listed(room.alice(), room.id()).path("unreadCount").asLong())
                .isEqualTo(3);

        long last = chat.lastSeq(room.alice(), room.id());
        Api.Reply read =
                api.post("/api/channels/" + room.id() + "/read", Api.json().put("seq", last), room.alice());
        assertThat(read.status()).as(read.toString()).isEqualTo(204);
        assertThat(chat.listed(room.alice(), room.id()).path("unreadCount").asLong())
                .isZero();

        chat.post(room.bob(), room.id(), "one more");
        assertThat(chat.listed(room.alice(), room.id()).path("unreadCount").asLong())
                .isEqualTo(1);
    }

    @Test
    void textIsStoredAndReturnedExactlyAsSent() {
        Room room = room();
        String text = "  <script>alert('x')</script> & \"quotes\" <b>bold</b> 😀👍🏽 ñ café\nsecond line\tend  ";

        JsonNode posted = chat.post(room.alice(), room.id(), text);

        assertThat(posted.path("text").asText()).isEqualTo(text);
        assertThat(chat.find(room.bob(), room.id(), posted.path("id").asText())
                        .path("text")
                        .asText())
                .isEqualTo(text);
    }

    @Test
    void textMustHave1To4000Characters() {
        Room room = room();

        assertTextRefused(room, Chat.message("", Chat.clientMessageId()));
        assertTextRefused(room, Api.json().put("clientMessageId", Chat.clientMessageId()));
        assertTextRefused(room, Chat.message("a".repeat(4001), Chat.clientMessageId()));
        assertThat(chat.history(room.bob(), room.id())).isEmpty();

        JsonNode longest = chat.post(room.alice(), room.id(), "a".repeat(4000));
        assertThat(longest.path("text").asText()).hasSize(4000);
        assertThat(chat.history(room.bob(), room.id())).hasSize(1);
    }

    @Test
    void aMessageWithoutClientMessageIdIsA400() {
        Room room = room();
        Api.Reply r = chat.send(room.alice(), room.id(), Api.json().put("text", "no id"));
        assertProblem(r, 400);
        assertThat(r.errorFields()).contains("clientMessageId");
        assertThat(chat.history(room.bob(), room.id())).isEmpty();
    }

    @Test
    void aNonMemberCannotPostOrReadAndNothingIsStored() {
        Room room = room();
        Api.Session eve = api.newUser("outsider");

        Api.Reply r = chat.send(eve, room.id(), Chat.message("let me in", Chat.clientMessageId()));

        assertRefused(r);
        assertRefused(api.get("/api/channels/" + room.id() + "/messages", eve));
        assertThat(chat.history(room.alice(), room.id())).isEmpty();
        assertThat(chat.lastSeq(room.alice(), room.id())).isZero();
    }

    private void assertTextRefused(Room room, ObjectNode body) {
        Api.Reply r = chat.send(room.alice(), room.id(), body);
        assertProblem(r, 400);
        assertThat(r.errorFields()).as(r.toString()).contains("text");
    }

    private void assertDeleted(Room room, JsonNode m) {
        for (Api.Session viewer : List.of(room.alice(), room.bob())) {
            JsonNode stored = chat.find(viewer, room.id(), m.path("id").asText());
            assertThat(stored.path("deleted").asBoolean()).as(stored.toString()).isTrue();
        }
    }

    private void assertPage(Room room, String query, List<Long> seqs, boolean hasMore) {
        JsonNode page = chat.page(room.bob(), room.id(), query);
        assertThat(Chat.seqsOf(asList(page.path("messages"))))
                .as("seqs of %s", query)
                .isEqualTo(seqs);
        assertThat(page.path("hasMore").asBoolean()).as("hasMore of %s", query).isEqualTo(hasMore);
    }

    /** Search may index after commit; wait (bounded) until the expected number of hits shows, then answer them. */
    private List<String> awaitSearch(Api.Session caller, String q, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            Api.Reply r = api.get("/api/search/messages?q=" + q, caller);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            List<String> ids = idsOf(r.json().path("messages"));
            if (ids.size() >= expected || Instant.now().isAfter(deadline)) {
                return ids;
            }
            Thread.sleep(200);
        }
    }

    private static ObjectNode userIds(Api.Session... users) {
        ObjectNode body = Api.json();
        body.set("userIds", Chat.ids(users));
        return body;
    }

    private static List<JsonNode> asList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static JsonNode asArray(List<JsonNode> list) {
        return Api.JSON.valueToTree(list);
    }
}
