package dev.netchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With no Twilio or Stream keys (the default; every other test runs so): no webhooks, no Stream token, and
 * the admin page says both integrations are off and the outbox worker does not run.
 */
@ExtendWith(ServerExtension.class)
class IntegrationsOffIT {

    private final Api api = ServerExtension.api();

    @Test
    void withoutKeysThereAreNoWebhooksNoStreamTokenAndAdminsSeeBothOff() {
        Api.Reply signup = api.signup("No Stream", Api.uniqueName("nostream"), Api.PASSWORD);
        assertThat(signup.status()).isEqualTo(201);
        assertThat(signup.json().hasNonNull("streamToken")).isFalse();
        assertThat(signup.json().hasNonNull("streamApiKey")).isFalse();

        Chat.assertProblem(
                api.send(
                        "POST",
                        "/api/webhooks/stream",
                        "{\"type\":\"message.new\"}",
                        "Content-Type",
                        "application/json",
                        "X-Signature",
                        "00"),
                404);
        Chat.assertProblem(
                api.send(
                        "POST",
                        "/api/webhooks/twilio/status",
                        "MessageSid=SM1&MessageStatus=delivered",
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-Twilio-Signature",
                        "x"),
                404);

        Api.Reply status = api.get("/api/admin/integrations", api.admin());
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        assertThat(status.json().path("twilio").path("configured").asBoolean()).isFalse();
        assertThat(status.json().path("stream").path("configured").asBoolean()).isFalse();
        assertThat(status.json().path("workerRunning").asBoolean()).isFalse();
    }
}
