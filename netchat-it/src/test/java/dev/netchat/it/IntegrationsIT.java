package dev.netchat.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twilio SMS and the Stream Chat bridge on the real server, with local fakes (WireMock) speaking Twilio's and
 * Stream's REST wire formats, called by the server through the real SDKs. The server is restarted with the
 * integrations' variables for this class and without them afterwards, so every other test runs with no keys.
 */
@ExtendWith(ServerExtension.class)
class IntegrationsIT {

    static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "twilio-test-auth-token-0123456789";
    static final String FROM = "+15005550006";
    static final String STREAM_KEY = "stream-test-key";
    static final String STREAM_SECRET = "stream-test-secret-of-at-least-32-bytes-0123456789";
    private static final Duration SMS_INTERVAL = Duration.ofSeconds(4);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer twilio;
    private static WireMockServer stream;

    private final Api api = ServerExtension.api();
    private final Chat chat = new Chat(api);

    @BeforeAll
    static void startFakesAndTurnIntegrationsOn() throws Exception {
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        twilio.stubFor(post(urlPathMatching("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\", "
                                        + "\"account_sid\": \"" + ACCOUNT_SID + "\", \"api_version\": \"2010-04-01\", "
                                        + "\"date_created\": \"Tue, 24 Nov 2026 10:00:00 +0000\", \"num_segments\": \"1\"}")
                        .withTransformers("response-template")));
        stream = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        stream.start();
        stream.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"duration\": \"0.42ms\"}")));

        NetChatServer server = ServerExtension.server();
        Map<String, String> env = new HashMap<>();
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        env.put("TWILIO_PHONE_NUMBER", FROM);
        env.put("NETCHAT_TWILIO_API_URL", "http://127.0.0.1:" + twilio.port());
        env.put("NETCHAT_SMS_MIN_INTERVAL", SMS_INTERVAL.toString());
        env.put("NETCHAT_PUBLIC_URL", server.baseUri().toString());
        env.put("STREAM_API_KEY", STREAM_KEY);
        env.put("STREAM_API_SECRET", STREAM_SECRET);
        env.put("NETCHAT_STREAM_API_URL", "http://127.0.0.1:" + stream.port());
        env.put("NETCHAT_OUTBOX_RETRY_DELAY", "PT1S");
        env.put("NETCHAT_OUTBOX_MAX_RETRY_DELAY", "PT2S");
        server.restartWith(env);
    }

    @AfterAll
    static void turnIntegrationsOffAgain() throws Exception {
        NetChatServer server = ServerExtension.server();
        server.restartWith(Map.of());
        twilio.stop();
        stream.stop();
    }

    // --- SMS -----------------------------------------------------------------------------------------------

    @Test
    void anOfflineRecipientGetsExactlyOneSmsForADirectMessage() throws Exception {
        Api.Session ann = api.newUser("ann");
        String bobPhone = phone();
        Api.Session bob = userWithPhone("bob", bobPhone, null);
        String dm = chat.createMessaging(ann, bob).json().path("id").asText();

        chat.post(ann, dm, "Lunch at noon? " + "x".repeat(120));

        List<Map<String, String>> sms = awaitSms(bobPhone, 1);
        Thread.sleep(1500);
        assertThat(smsTo(bobPhone)).as("SMS to the recipient, after a while").hasSize(1);
        assertThat(sms.get(0).get("From")).isEqualTo(FROM);
        String body = sms.get(0).get("Body");
        assertThat(body)
                .startsWith("[NetChat] " + ann.username() + " in a direct message: Lunch at noon? x")
                .contains("...")
                .endsWith(ServerExtension.server().baseUri() + "/#/c/" + dm);
        assertThat(body.substring(body.indexOf(": ") + 2, body.indexOf("..."))
                        .codePointCount(0, body.indexOf("...") - body.indexOf(": ") - 2))
                .as("the excerpt is the first 100 characters")
                .isEqualTo(100);
        assertThat(smsTo(phoneOf(ann))).as("the author gets none").isEmpty();
    }

    @Test
    void anOnlineAnOptedOutAndAPhonelessMemberGetNone() throws Exception {
        Api.Session ann = api.newUser("ann");
        String onlinePhone = phone();
        String optedOutPhone = phone();
        String witnessPhone = phone();
        Api.Session online = userWithPhone("online", onlinePhone, null);
        Api.Session optedOut = userWithPhone("optout", optedOutPhone, "off");
        Api.Session phoneless = api.newUser("nophone");
        Api.Session witness = userWithPhone("witness", witnessPhone, null);
        String group = chat.createMessaging(ann, online, optedOut, phoneless, witness)
                .json()
                .path("id")
                .asText();
        try (ChatSocket socket = ChatSocket.connect(api, online)) {
            chat.post(ann, group, "Standup moved to 10:00");
            // The witness (offline, with a phone, default preference) proves the message was looked at.
            List<Map<String, String>> toWitness = awaitSms(witnessPhone, 1);
            assertThat(toWitness.get(0).get("Body"))
                    .startsWith("[NetChat] " + ann.username() + " in a group conversation: Standup");
            Thread.sleep(1500);
            assertThat(smsTo(onlinePhone)).as("online member").isEmpty();
            assertThat(smsTo(optedOutPhone)).as("opted-out member").isEmpty();
            assertThat(smsTo(witnessPhone)).hasSize(1);
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void inATeamChannelOnlyAMentionTextsAMemberWithTheDefaultPreference() throws Exception {
        Api.Session ann = api.newUser("ann");
        String mentionedPhone = phone();
        String otherPhone = phone();
        String everythingPhone = phone();
        Api.Session mentioned = userWithPhone("ment", mentionedPhone, "mentions");
        Api.Session other = userWithPhone("other", otherPhone, "mentions");
        Api.Session everything = userWithPhone("all", everythingPhone, "all");
        String team = chat.createTeam(ann, Chat.channelName("sms"), false, mentioned, other, everything)
                .path("id")
                .asText();

        chat.post(ann, team, "no mention here");
        // Sent before the next message; otherwise the next one would rightly be folded into the same SMS.
        awaitSms(everythingPhone, 1);
        chat.post(ann, team, "@" + mentioned.username() + " please review");

        List<Map<String, String>> toMentioned = awaitSms(mentionedPhone, 1);
        Thread.sleep(1500);
        assertThat(toMentioned.get(0).get("Body")).contains("please review");
        assertThat(smsTo(mentionedPhone)).hasSize(1);
        assertThat(smsTo(otherPhone)).as("not mentioned, preference 'mentions'").isEmpty();
        List<Map<String, String>> toEverything = smsTo(everythingPhone);
        assertThat(toEverything)
                .as("preference 'all': the first message at once, the second within the interval waits")
                .hasSize(1);
        assertThat(toEverything.get(0).get("Body")).contains("no mention here");
    }

    @Test
    void theChannelsNotificationLevelMuteAndDoNotDisturbDecideSms() throws Exception {
        Api.Session ann = api.newUser("ann");
        String raisedPhone = phone();
        String mutedPhone = phone();
        String dndPhone = phone();
        String loweredPhone = phone();
        String witnessPhone = phone();
        // raised: default SMS level (mentions) but "all" for this channel; lowered: "all" but "off" here.
        Api.Session raised = userWithPhone("raise", raisedPhone, "mentions");
        Api.Session muted = userWithPhone("mute", mutedPhone, "all");
        Api.Session dnd = userWithPhone("dnd", dndPhone, "all");
        Api.Session lowered = userWithPhone("lower", loweredPhone, "all");
        Api.Session witness = userWithPhone("witness", witnessPhone, "all");
        String team = chat.createTeam(ann, Chat.channelName("lvl"), false, raised, muted, dnd, lowered, witness)
                .path("id")
                .asText();
        assertThat(api.sendJson(
                                "PUT",
                                "/api/channels/" + team + "/notifications",
                                Api.json().put("level", "all"),
                                raised)
                        .status())
                .isEqualTo(200);
        Api.Reply mute = api.sendJson(
                "PUT",
                "/api/channels/" + team + "/notifications",
                Api.json().put("level", "default").put("muted", true),
                muted);
        assertThat(mute.json().path("muted").asBoolean()).as(mute.toString()).isTrue();
        assertThat(api.sendJson(
                                "PUT",
                                "/api/channels/" + team + "/notifications",
                                Api.json().put("level", "off"),
                                lowered)
                        .status())
                .isEqualTo(200);
        ObjectNode dndOn = Api.json();
        dndOn.putObject("notifications")
                .put("dndUntil", java.time.Instant.now().plusSeconds(3600).toString());
        assertThat(api.patch("/api/users/me", dndOn, dnd)
                        .json()
                        .path("notifications")
                        .path("dndUntil")
                        .asText())
                .isNotBlank();

        chat.post(ann, team, "no mention, an ordinary message");

        awaitSms(witnessPhone, 1);
        awaitSms(raisedPhone, 1);
        Thread.sleep(1500);
        assertThat(smsTo(raisedPhone))
                .as("the channel's level 'all' raises the user's 'mentions'")
                .hasSize(1);
        assertThat(smsTo(mutedPhone)).as("muted channel").isEmpty();
        assertThat(smsTo(dndPhone)).as("do not disturb").isEmpty();
        assertThat(smsTo(loweredPhone))
                .as("the channel's level 'off' lowers the user's 'all'")
                .isEmpty();
    }

    @Test
    void messagesWithinTheIntervalAreSummarisedInOneLaterSms() throws Exception {
        Api.Session ann = api.newUser("ann");
        String bobPhone = phone();
        Api.Session bob = userWithPhone("bob", bobPhone, null);
        String dm = chat.createMessaging(ann, bob).json().path("id").asText();

        chat.post(ann, dm, "first");
        awaitSms(bobPhone, 1);
        chat.post(ann, dm, "second");
        chat.post(ann, dm, "third and last");

        List<ServeEvent> events = awaitServed(bobPhone, 2);
        Thread.sleep(1500);
        List<Map<String, String>> sms = smsTo(bobPhone);
        assertThat(sms).hasSize(2);
        assertThat(sms.get(0).get("Body")).contains(": first ");
        assertThat(sms.get(1).get("Body"))
                .startsWith("[NetChat] 2 new messages in a direct message, latest from " + ann.username()
                        + ": third and last ");
        Duration apart = Duration.between(
                events.get(0).getRequest().getLoggedDate().toInstant(),
                events.get(1).getRequest().getLoggedDate().toInstant());
        assertThat(apart)
                .as("the second SMS waits for the interval")
                .isGreaterThanOrEqualTo(SMS_INTERVAL.minusMillis(500));
    }

    @Test
    void aTwilio500IsRetriedAndThenSentOnce() throws Exception {
        Api.Session ann = api.newUser("ann");
        String bobPhone = phone();
        Api.Session bob = userWithPhone("bob", bobPhone, null);
        String dm = chat.createMessaging(ann, bob).json().path("id").asText();
        String scenario = "flaky-" + bobPhone;
        StubMapping failOnce = twilio.stubFor(messagesTo(bobPhone)
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered")
                .willReturn(twilioError(500, 20500, "Internal Server Error")));
        try {
            chat.post(ann, dm, "are you there?");

            List<ServeEvent> served = awaitServed(bobPhone, 2);
            Thread.sleep(2500);
            assertThat(served(bobPhone))
                    .as("one failed attempt, one success, nothing after")
                    .hasSize(2);
            assertThat(served.get(0).getResponse().getStatus()).isEqualTo(500);
            assertThat(served.get(1).getResponse().getStatus()).isEqualTo(201);
            String sid = JSON.readTree(served.get(1).getResponse().getBodyAsString())
                    .path("sid")
                    .asText();
            JsonNode entry = recentSms(sid);
            assertThat(entry.path("status").asText()).isEqualTo("sent");
            assertThat(entry.path("attempts").asInt()).isEqualTo(2);
        } finally {
            twilio.removeStub(failOnce);
        }
    }

    /**
     * The server dies while Twilio is still answering its first attempt: the entry is claimed (for a lease of a
     * minute) and neither sent nor marked for retry. The restarted node releases what its previous life held, so
     * the SMS goes within seconds, not when the lease runs out, and exactly once.
     */
    @Test
    void anSmsPendingWhenTheServerIsKilledIsSentOnceAfterTheRestart() throws Exception {
        Api.Session ann = api.newUser("ann");
        String bobPhone = phone();
        Api.Session bob = userWithPhone("bob", bobPhone, null);
        String dm = chat.createMessaging(ann, bob).json().path("id").asText();
        StubMapping down = twilio.stubFor(messagesTo(bobPhone)
                .willReturn(twilioError(503, 20503, "Service Unavailable").withFixedDelay(5000)));
        NetChatServer server = ServerExtension.server();
        try {
            chat.post(ann, dm, "survive the crash");
            String masked = "•••" + bobPhone.substring(bobPhone.length() - 4);
            awaitCondition(
                    () -> {
                        for (JsonNode sms : api.get("/api/admin/integrations", api.admin())
                                .json()
                                .path("recentSms")) {
                            if (masked.equals(sms.path("to").asText())
                                    && "pending".equals(sms.path("status").asText())
                                    && sms.path("attempts").asInt() == 1
                                    && !sms.hasNonNull("lastError")) {
                                return true;
                            }
                        }
                        return false;
                    },
                    "the first attempt under way (claimed, Twilio not yet answered)");

            server.kill();
            twilio.removeStub(down);
            server.start();

            awaitCondition(
                    () -> served(bobPhone).stream()
                                    .filter(e -> e.getResponse().getStatus() == 201)
                                    .count()
                            == 1,
                    "the SMS is sent after the restart");
            Thread.sleep(2500);
            assertThat(served(bobPhone).stream()
                            .filter(e -> e.getResponse().getStatus() == 201)
                            .count())
                    .as("sent exactly once")
                    .isEqualTo(1);
            assertThat(smsTo(bobPhone).get(0).get("Body")).contains("survive the crash");
        } finally {
            twilio.removeStub(down);
        }
    }

    @Test
    void aMisconfiguredTwilioNeverFailsMessagingAndAdminsSeeWhy() throws Exception {
        Api.Session ann = api.newUser("ann");
        String bobPhone = phone();
        Api.Session bob = userWithPhone("bob", bobPhone, null);
        String dm = chat.createMessaging(ann, bob).json().path("id").asText();
        StubMapping refused = twilio.stubFor(messagesTo(bobPhone).willReturn(twilioError(401, 20003, "Authenticate")));
        try {
            JsonNode posted = chat.post(ann, dm, "still delivered");
            assertThat(chat.find(bob, dm, posted.path("id").asText())
                            .path("text")
                            .asText())
                    .isEqualTo("still delivered");

            awaitServed(bobPhone, 1);
            Thread.sleep(2500);
            assertThat(served(bobPhone)).as("a 401 is not retried").hasSize(1);
            JsonNode twilioState =
                    api.get("/api/admin/integrations", api.admin()).json().path("twilio");
            assertThat(twilioState.path("failed").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(twilioState.path("lastError").asText()).contains("401").doesNotContain(AUTH_TOKEN);
        } finally {
            twilio.removeStub(refused);
        }
    }

    @Test
    void twilioStatusCallbacksAreRecordedOnlyWithAValidSignature() throws Exception {
        Api.Session ann = api.newUser("ann");
        String bobPhone = phone();
        Api.Session bob = userWithPhone("bob", bobPhone, null);
        String dm = chat.createMessaging(ann, bob).json().path("id").asText();
        chat.post(ann, dm, "status please");
        ServeEvent sent = awaitServed(bobPhone, 1).get(0);
        String sid =
                JSON.readTree(sent.getResponse().getBodyAsString()).path("sid").asText();
        awaitCondition(() -> "sent".equals(recentSms(sid).path("status").asText()), "the SMS is marked sent");
        String url = ServerExtension.server().baseUri() + "/api/webhooks/twilio/status";
        Map<String, String> params = new TreeMap<>(
                Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", ACCOUNT_SID, "To", bobPhone));
        String form = form(params);

        Api.Reply forged = api.send(
                "POST",
                "/api/webhooks/twilio/status",
                form,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-Twilio-Signature",
                twilioSignature("wrong-token", url, params));
        Api.Reply unsigned = api.send(
                "POST", "/api/webhooks/twilio/status", form, "Content-Type", "application/x-www-form-urlencoded");

        Chat.assertProblem(forged, 403);
        Chat.assertProblem(unsigned, 403);
        assertThat(recentSms(sid).path("deliveryStatus").isNull())
                .as("nothing recorded from a forged callback")
                .isTrue();

        Api.Reply signed = api.send(
                "POST",
                "/api/webhooks/twilio/status",
                form,
                "Content-Type",
                "application/x-www-form-urlencoded",
                "X-Twilio-Signature",
                twilioSignature(AUTH_TOKEN, url, params));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        assertThat(recentSms(sid).path("deliveryStatus").asText()).isEqualTo("delivered");
    }

    // --- Stream --------------------------------------------------------------------------------------------

    @Test
    void signupAndLoginReturnAStreamTokenSignedWithTheSecretAndTheUserIsUpserted() throws Exception {
        String username = Api.uniqueName("streamer");
        Api.Reply signup = api.signup("Stream Er", username, Api.PASSWORD);
        assertThat(signup.status()).isEqualTo(201);
        String userId = signup.json().path("userId").asText();
        assertThat(signup.json().path("streamApiKey").asText()).isEqualTo(STREAM_KEY);
        assertStreamToken(signup.json().path("streamToken").asText(), userId);

        Api.Reply login = api.login(username, Api.PASSWORD);
        assertThat(login.json().path("streamApiKey").asText()).isEqualTo(STREAM_KEY);
        assertStreamToken(login.json().path("streamToken").asText(), userId);

        LoggedRequest upsert = awaitStreamRequest("POST", "/users", userId);
        assertThat(upsert.query()).containsEntry("api_key", STREAM_KEY);
        assertThat(upsert.authorization()).as("server-side JWT").isNotBlank();
        JsonNode user = JSON.readTree(upsert.body()).path("users").path(userId);
        assertThat(user.path("id").asText()).isEqualTo(userId);
        assertThat(user.path("name").asText()).isEqualTo("Stream Er");
    }

    @Test
    void channelsMembersAndMessagesAreMirroredToStreamInOrder() throws Exception {
        Api.Session ann = api.newUser("ann");
        Api.Session bob = api.newUser("bob");
        Api.Session carol = api.newUser("carol");
        String team = chat.createTeam(ann, Chat.channelName("mirror"), false, bob)
                .path("id")
                .asText();
        JsonNode first = chat.post(ann, team, "mirrored one");
        assertThat(api.post("/api/channels/" + team + "/members", Api.json().set("userIds", Chat.ids(carol)), ann)
                        .status())
                .isEqualTo(200);
        JsonNode second = chat.post(bob, team, "mirrored two");
        assertThat(api.patch(
                                "/api/messages/" + second.path("id").asText(),
                                Api.json().put("text", "mirrored two, edited"),
                                bob)
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/api/messages/" + first.path("id").asText(), ann).status())
                .isEqualTo(204);

        LoggedRequest deleted =
                awaitStreamRequest("DELETE", "/messages/" + first.path("id").asText(), null);
        LoggedRequest created = streamRequest("POST", "/channels/messaging/" + team + "/query", null);
        LoggedRequest one = streamRequest(
                "POST",
                "/channels/messaging/" + team + "/message",
                first.path("id").asText());
        LoggedRequest added = streamRequest("POST", "/channels/messaging/" + team, carol.userId());
        LoggedRequest two = streamRequest(
                "POST",
                "/channels/messaging/" + team + "/message",
                second.path("id").asText());
        LoggedRequest edited =
                streamRequest("POST", "/messages/" + second.path("id").asText(), "mirrored two, edited");
        assertThat(List.of(created, one, added, two, edited, deleted))
                .as("each change mirrored")
                .doesNotContainNull();
        assertThat(List.of(created.at(), one.at(), added.at(), two.at(), edited.at(), deleted.at()))
                .as("in NetChat's order")
                .isSorted();
        JsonNode sent = JSON.readTree(one.body()).path("message");
        assertThat(sent.path("id").asText())
                .as("Stream's message id is NetChat's")
                .isEqualTo(first.path("id").asText());
        assertThat(sent.path("user_id").asText()).isEqualTo(ann.userId());
        JsonNode members = JSON.readTree(created.body()).path("data").path("members");
        assertThat(members.findValuesAsText("user_id")).containsExactlyInAnyOrder(ann.userId(), bob.userId());
    }

    @Test
    void aStreamSideMessageArrivesInRealTimeOnceAndIsNotEchoedBack() throws Exception {
        Api.Session ann = api.newUser("ann");
        Api.Session bob = api.newUser("bob");
        String dannyPhone = phone();
        Api.Session danny = userWithPhone("danny", dannyPhone, null);
        String team = chat.createTeam(ann, Chat.channelName("bridge"), false, bob, danny)
                .path("id")
                .asText();
        String streamId = "stream-" + UUID.randomUUID();
        String text = "written in a Stream app, @" + danny.username();
        String event = messageEvent("message.new", team, streamId, ann.userId(), text);
        String webhookId = UUID.randomUUID().toString();

        try (ChatSocket bobSocket = ChatSocket.connect(api, bob)) {
            Api.Reply first = streamWebhook(event, webhookId, streamSignature(event));
            assertThat(first.status()).as(first.toString()).isEqualTo(200);

            JsonNode delivered =
                    bobSocket.awaitEvent(Chat.newMessage(team), ChatSocket.TIMEOUT, "the Stream-side message");
            assertThat(delivered.path("message").path("text").asText()).isEqualTo(text);
            assertThat(delivered.path("message").path("user").path("id").asText())
                    .isEqualTo(ann.userId());

            Api.Reply redelivered = streamWebhook(event, webhookId, streamSignature(event));
            assertThat(redelivered.status()).isEqualTo(200);
            assertThat(redelivered.json().path("result").asText()).isEqualTo("duplicate");
            Api.Reply sameBodyNewWebhookId =
                    streamWebhook(event, UUID.randomUUID().toString(), streamSignature(event));
            assertThat(sameBodyNewWebhookId.json().path("result").asText())
                    .as("replays are known by the signed body")
                    .isEqualTo("duplicate");
            String sameMessageLater =
                    event.replace("\"type\":\"message.new\"", "\"type\":\"message.new\",\"request_info\":{}");
            Api.Reply sameMessageNewDelivery =
                    streamWebhook(sameMessageLater, UUID.randomUUID().toString(), streamSignature(sameMessageLater));
            assertThat(sameMessageNewDelivery.json().path("result").asText()).isEqualTo("ignored");
        }
        assertThat(chat.history(ann, team).stream()
                        .filter(m -> m.path("text").asText().equals(text))
                        .count())
                .as("in the history once")
                .isEqualTo(1);
        assertThat(awaitSms(dannyPhone, 1).get(0).get("Body"))
                .as("notified like any other message")
                .contains("written in a Stream app");

        JsonNode control = chat.post(bob, team, "from NetChat, mirrored");
        awaitStreamRequest(
                "POST",
                "/channels/messaging/" + team + "/message",
                control.path("id").asText());
        assertThat(streamRequests("POST", "/channels/messaging/" + team + "/message", "written in a Stream app"))
                .as("the Stream-side message is not sent back to Stream")
                .isEmpty();
    }

    @Test
    void streamSideEditsDeletesAndMemberChangesApplyWithoutEcho() throws Exception {
        Api.Session ann = api.newUser("ann");
        Api.Session bob = api.newUser("bob");
        Api.Session carol = api.newUser("carol");
        String team = chat.createTeam(ann, Chat.channelName("bridge"), false, bob)
                .path("id")
                .asText();
        String streamId = "stream-" + UUID.randomUUID();
        String created = messageEvent("message.new", team, streamId, bob.userId(), "typo here");
        assertThat(streamWebhook(created, UUID.randomUUID().toString(), streamSignature(created))
                        .status())
                .isEqualTo(200);

        String edited = messageEvent("message.updated", team, streamId, bob.userId(), "no typo here");
        assertThat(streamWebhook(edited, UUID.randomUUID().toString(), streamSignature(edited))
                        .json()
                        .path("result")
                        .asText())
                .isEqualTo("applied");
        JsonNode message = chat.history(ann, team).stream()
                .filter(m -> m.path("clientMessageId").asText().endsWith(streamId))
                .findFirst()
                .orElseThrow();
        assertThat(message.path("text").asText()).isEqualTo("no typo here");
        assertThat(message.path("edited").asBoolean()).isTrue();

        String deleted = messageEvent("message.deleted", team, streamId, bob.userId(), "no typo here");
        assertThat(streamWebhook(deleted, UUID.randomUUID().toString(), streamSignature(deleted))
                        .json()
                        .path("result")
                        .asText())
                .isEqualTo("applied");
        assertThat(chat.find(ann, team, message.path("id").asText())
                        .path("deleted")
                        .asBoolean())
                .isTrue();

        String memberAdded = "{\"type\":\"member.added\",\"cid\":\"messaging:" + team + "\",\"channel_id\":\"" + team
                + "\",\"channel_type\":\"messaging\",\"member\":{\"user_id\":\"" + carol.userId() + "\"}}";
        assertThat(streamWebhook(memberAdded, UUID.randomUUID().toString(), streamSignature(memberAdded))
                        .json()
                        .path("result")
                        .asText())
                .isEqualTo("applied");
        assertThat(api.get("/api/channels/" + team, carol).status())
                .as("carol is a member now")
                .isEqualTo(200);

        Thread.sleep(1500);
        assertThat(streamRequests("POST", "/messages/" + message.path("id").asText(), null))
                .as("edit not echoed")
                .isEmpty();
        assertThat(streamRequests("DELETE", "/messages/" + message.path("id").asText(), null))
                .as("delete not echoed")
                .isEmpty();
        assertThat(streamRequests("POST", "/channels/messaging/" + team, carol.userId()))
                .as("member not echoed")
                .isEmpty();
    }

    @Test
    void aStreamWebhookWithABadSignatureIsRefusedAndChangesNothing() {
        Api.Session ann = api.newUser("ann");
        String team = chat.createTeam(ann, Chat.channelName("forged"), false)
                .path("id")
                .asText();
        String event = messageEvent("message.new", team, "stream-" + UUID.randomUUID(), ann.userId(), "forged message");

        Api.Reply wrong = streamWebhook(event, UUID.randomUUID().toString(), streamSignature(event + " "));
        Api.Reply missing = api.send(
                "POST",
                "/api/webhooks/stream",
                event,
                "Content-Type",
                "application/json",
                "X-Webhook-Id",
                UUID.randomUUID().toString());
        Api.Reply garbage = streamWebhook(event, UUID.randomUUID().toString(), "not-hex-at-all");

        Chat.assertProblem(wrong, 401);
        Chat.assertProblem(missing, 401);
        Chat.assertProblem(garbage, 401);
        assertThat(chat.history(ann, team))
                .noneMatch(m -> m.path("text").asText().equals("forged message"));
    }

    @Test
    void adminsSeeHowTheIntegrationsStand() {
        Api.Reply r = api.get("/api/admin/integrations", api.admin());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("twilio").path("configured").asBoolean()).isTrue();
        assertThat(r.json().path("stream").path("configured").asBoolean()).isTrue();
        assertThat(r.json().path("workerRunning").asBoolean()).isTrue();
        assertThat(r.json().path("recentSms").isArray()).isTrue();
        assertThat(r.toString()).doesNotContain(AUTH_TOKEN).doesNotContain(STREAM_SECRET);
        Chat.assertProblem(api.get("/api/admin/integrations", api.newUser("nosy")), 403);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Twilio's Messages API called for {@code to}; above the catch-all success stub. */
    private static MappingBuilder messagesTo(String to) {
        return post(urlPathMatching(".*/Messages.json"))
                .withRequestBody(containing("To=" + urlEncoded(to)))
                .atPriority(1);
    }

    /** An error as Twilio's API answers it. */
    static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": " + code + ", \"message\": \"" + message + "\", \"status\": " + status + "}");
    }

    private Api.Session userWithPhone(String prefix, String phone, String smsPreference) {
        Api.Session user = api.newUser(prefix);
        ObjectNode body = Api.json().put("phoneNumber", phone);
        if (smsPreference != null) {
            body.putObject("notifications").put("sms", smsPreference);
        }
        Api.Reply r = api.patch("/api/users/me", body, user);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return user;
    }

    private String phoneOf(Api.Session user) {
        return api.get("/api/users/me", user).json().path("phoneNumber").asText("none");
    }

    private static String phone() {
        return "+1555" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    }

    static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Requests to the Twilio fake's Messages API for one number, oldest first. */
    private static List<ServeEvent> served(String to) {
        List<ServeEvent> events = new ArrayList<>();
        for (ServeEvent e : twilio.getAllServeEvents()) {
            if (e.getRequest().getUrl().endsWith("/Messages.json")
                    && to.equals(form(e.getRequest().getBodyAsString()).get("To"))) {
                events.add(e);
            }
        }
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        return events;
    }

    /** The SMS Twilio accepted for one number (form fields), oldest first. */
    private static List<Map<String, String>> smsTo(String to) {
        return served(to).stream()
                .filter(e -> e.getResponse().getStatus() == 201)
                .map(e -> form(e.getRequest().getBodyAsString()))
                .toList();
    }

    private static List<ServeEvent> awaitServed(String to, int count) throws InterruptedException {
        awaitCondition(() -> served(to).size() >= count, count + " request(s) to Twilio for " + to);
        return served(to);
    }

    private static List<Map<String, String>> awaitSms(String to, int count) throws InterruptedException {
        awaitCondition(() -> smsTo(to).size() >= count, count + " SMS to " + to);
        return smsTo(to);
    }

    private static void awaitCondition(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }

    private JsonNode recentSms(String sid) {
        Api.Reply r = api.get("/api/admin/integrations", api.admin());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        for (JsonNode sms : r.json().path("recentSms")) {
            if (sid.equals(sms.path("twilioSid").asText())) {
                return sms;
            }
        }
        return JSON.createObjectNode();
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                .append(urlEncoded(k))
                .append('=')
                .append(urlEncoded(v)));
        return b.toString();
    }

    /** Twilio's request signature: Base64 HMAC-SHA1 of the URL followed by each parameter name and value, sorted. */
    static String twilioSignature(String authToken, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String streamSignature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(STREAM_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Api.Reply streamWebhook(String body, String webhookId, String signature) {
        return api.send(
                "POST",
                "/api/webhooks/stream",
                body,
                "Content-Type",
                "application/json",
                "X-Webhook-Id",
                webhookId,
                "X-Signature",
                signature);
    }

    static String messageEvent(String type, String channelId, String messageId, String userId, String text) {
        ObjectNode event = JSON.createObjectNode()
                .put("type", type)
                .put("cid", "messaging:" + channelId)
                .put("channel_id", channelId)
                .put("channel_type", "messaging")
                .put("created_at", Instant.now().toString());
        ObjectNode message = event.putObject("message")
                .put("id", messageId)
                .put("text", text)
                .put("type", "regular");
        message.putObject("user").put("id", userId);
        event.putObject("user").put("id", userId);
        return event.toString();
    }

    private static void assertStreamToken(String token, String userId) throws Exception {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(STREAM_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        assertThat(parts[2]).as("signed with the Stream secret").isEqualTo(expected);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.path("user_id").asText()).isEqualTo(userId);
        assertThat(claims.path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    }

    /** A request the Stream fake received. */
    private record LoggedRequest(
            String method, String path, Map<String, String> query, String authorization, String body, Instant at) {}

    private static List<LoggedRequest> streamRequests(String method, String path, String bodyContains) {
        List<LoggedRequest> found = new ArrayList<>();
        for (ServeEvent e : stream.getAllServeEvents()) {
            var r = e.getRequest();
            String url = r.getUrl();
            String p = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            if (r.getMethod().getName().equals(method)
                    && p.equals(path)
                    && (bodyContains == null || r.getBodyAsString().contains(bodyContains))) {
                Map<String, String> query = url.contains("?") ? form(url.substring(url.indexOf('?') + 1)) : Map.of();
                found.add(new LoggedRequest(
                        method,
                        p,
                        query,
                        r.getHeader("Authorization"),
                        r.getBodyAsString(),
                        r.getLoggedDate().toInstant()));
            }
        }
        found.sort(Comparator.comparing(LoggedRequest::at));
        return found;
    }

    private static LoggedRequest streamRequest(String method, String path, String bodyContains) {
        List<LoggedRequest> found = streamRequests(method, path, bodyContains);
        return found.isEmpty() ? null : found.get(0);
    }

    private static LoggedRequest awaitStreamRequest(String method, String path, String bodyContains)
            throws InterruptedException {
        awaitCondition(
                () -> !streamRequests(method, path, bodyContains).isEmpty(),
                method + " " + path + " on the Stream fake");
        return streamRequest(method, path, bodyContains);
    }
}
