package dev.netchat.it;

import static dev.netchat.it.Chat.assertProblem;
import static dev.netchat.it.Chat.idsOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message search (GET /api/search/messages): the filters of the search box ({@code in:}, {@code from:},
 * {@code before:}/{@code after:}/{@code on:}, {@code has:file}), permissions (nothing from a channel the caller is
 * not a member of, whatever the filters say), ranking (PostgreSQL: relevance damped by age; H2: newest first),
 * the highlight terms, and bad queries. Every test searches for a word of its own, so the shared server's other
 * messages never match.
 */
@ExtendWith(ServerExtension.class)
class SearchIT {

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);
    private final Files files = new Files(api);

    private Api.Reply search(Api.Session caller, String query) {
        return api.get("/api/search/messages?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), caller);
    }

    private List<String> hits(Api.Session caller, String query) {
        Api.Reply r = search(caller, query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return idsOf(r.json().path("messages"));
    }

    private static String id(JsonNode message) {
        return message.path("id").asText();
    }

    @Test
    void filtersNarrowByChannelAuthorDayAndFiles() {
        Api.Session alice = api.newUser("find");
        Api.Session bob = api.newUser("find");
        String general = Chat.channelName("plans");
        String random = Chat.channelName("misc");
        String inGeneral = chat.createTeam(alice, general, true, bob).path("id").asText();
        String inRandom = chat.createTeam(alice, random, true, bob).path("id").asText();
        String word = Chat.token();

        JsonNode aliceThere = chat.post(alice, inGeneral, "budget " + word + " from alice");
        JsonNode bobThere = chat.post(bob, inGeneral, "budget " + word + " from bob");
        JsonNode aliceElsewhere = chat.post(alice, inRandom, "budget " + word + " in random");
        JsonNode upload = files.upload(
                        alice, inRandom, "budget.txt", "numbers".getBytes(StandardCharsets.UTF_8), "text/plain")
                .json();
        ObjectNode withFile = Chat.message("the sheet " + word, Chat.clientMessageId());
        withFile.putArray("attachmentIds").add(upload.path("id").asText());
        Api.Reply posted = chat.send(alice, inRandom, withFile);
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        String fileMessage = id(posted.json());

        assertThat(hits(bob, word))
                .containsExactlyInAnyOrder(id(aliceThere), id(bobThere), id(aliceElsewhere), fileMessage);
        assertThat(hits(bob, word + " in:#" + general)).containsExactlyInAnyOrder(id(aliceThere), id(bobThere));
        assertThat(hits(bob, "in:" + general.toUpperCase() + " " + word))
                .containsExactlyInAnyOrder(id(aliceThere), id(bobThere));
        assertThat(hits(bob, word + " from:@" + alice.username()))
                .containsExactlyInAnyOrder(id(aliceThere), id(aliceElsewhere), fileMessage);
        assertThat(hits(bob, word + " from:" + bob.username() + " in:#" + general))
                .containsExactly(id(bobThere));
        assertThat(hits(bob, word + " has:file")).containsExactly(fileMessage);
        // Filters alone (no words) list the newest matches first.
        assertThat(hits(bob, "in:#" + random + " from:@" + alice.username()))
                .containsExactly(fileMessage, id(aliceElsewhere));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(hits(bob, word + " on:" + today)).hasSize(4);
        assertThat(hits(bob, word + " after:" + today.minusDays(1))).hasSize(4);
        assertThat(hits(bob, word + " before:" + today)).isEmpty();
        assertThat(hits(bob, word + " after:" + today)).isEmpty();
        // Names nobody has match nothing rather than everything.
        assertThat(hits(bob, word + " in:#no-such-" + word)).isEmpty();
        assertThat(hits(bob, word + " from:@nobody" + word)).isEmpty();
    }

    @Test
    void nothingComesFromAChannelTheCallerIsNotAMemberOfWhateverTheFiltersSay() {
        Api.Session alice = api.newUser("find");
        Api.Session eve = api.newUser("find");
        String word = Chat.token();
        String publicName = Chat.channelName("open");
        String publicRoom = chat.createTeam(alice, publicName, false).path("id").asText();
        String privateName = Chat.channelName("closed");
        String privateRoom =
                chat.createTeam(alice, privateName, true).path("id").asText();
        String direct = chat.createMessaging(alice, api.newUser("find"))
                .json()
                .path("id")
                .asText();
        chat.post(alice, publicRoom, "public " + word);
        chat.post(alice, privateRoom, "private " + word);
        chat.post(alice, direct, "direct " + word);
        JsonNode own = chat.post(eve, chat.privateChannel(eve), "eve's own " + word);

        assertThat(hits(alice, word)).hasSize(3);
        assertThat(hits(eve, word)).containsExactly(id(own));
        assertThat(hits(eve, word + " in:#" + publicName)).isEmpty();
        assertThat(hits(eve, word + " in:#" + privateName)).isEmpty();
        assertThat(hits(eve, "from:@" + alice.username())).isEmpty();
        Api.Reply probing = api.get("/api/search/messages?q=" + word + "&channelId=" + privateRoom, eve);
        assertThat(probing.body()).doesNotContain("private " + word);
        assertThat(probing.status()).isIn(403, 404);
    }

    @Test
    void rankingWeighsRelevanceOnPostgresqlAndRecencyOnH2AndAnswersTheTermsToHighlight() {
        Api.Session alice = api.newUser("find");
        String room = chat.privateChannel(alice);
        String word = Chat.token();
        JsonNode strong = chat.post(alice, room, word + " " + word + " " + word + ": the " + word + " checklist");
        JsonNode weak = chat.post(
                alice,
                room,
                "a long note that mentions " + word + " once among many other words about lunch,"
                        + " the weather, the train being late again, and what we might do on Friday afternoon");

        Api.Reply r = search(alice, "\"" + word + "\" -lunch");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(idsOf(r.json().path("messages"))).contains(id(strong));
        assertThat(r.json().path("terms").get(0).asText()).isEqualTo(word);

        List<String> ranked = hits(alice, word);
        if (ServerExtension.server().database().equals("postgresql")) {
            // Four matches in a short text beat one in a long text posted later.
            assertThat(ranked).containsExactly(id(strong), id(weak));
            // Excluding a word works with PostgreSQL's web search syntax.
            assertThat(hits(alice, word + " -lunch")).containsExactly(id(strong));
        } else {
            assertThat(ranked).containsExactly(id(weak), id(strong));
        }
    }

    @Test
    void badQueriesAre400ProblemsNamingTheField() {
        Api.Session alice = api.newUser("find");
        for (String q : new String[] {"before:yesterday", "on:2026-13-45 x", "has:pony", "from:@", " "}) {
            Api.Reply r = search(alice, q);
            assertProblem(r, 400);
            assertThat(r.errorFields()).as(q).contains("q");
        }
        assertProblem(api.get("/api/search/messages?q=x&limit=0", alice), 400);
        assertProblem(api.get("/api/search/messages?q=" + "x".repeat(201), alice), 400);
    }
}
