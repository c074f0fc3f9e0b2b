package dev.netchat.admin;

import dev.netchat.outbox.OutboxEntry;
import dev.netchat.outbox.OutboxStore;
import dev.netchat.outbox.OutboxSummary;
import dev.netchat.outbox.OutboxWorker;
import dev.netchat.shared.Times;
import dev.netchat.shared.Wire;
import dev.netchat.sms.TwilioSettings;
import dev.netchat.stream.StreamSettings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;

/** How the optional integrations stand, for the admin page: configured or not, and their outbox's state. */
@Stateless
public class IntegrationsReport {

    @Inject
    TwilioSettings twilio;

    @Inject
    StreamSettings stream;

    @Inject
    OutboxStore outbox;

    @Inject
    OutboxWorker worker;

    public Integrations report() {
        List<SmsView> recent = outbox.recent("sms", 20).stream().map(IntegrationsReport::sms).toList();
        return new Integrations(state(twilio.enabled(), outbox.summary("sms")), state(stream.enabled(), outbox.summary("stream")),
                worker.running(), recent);
    }

    private static SmsView sms(OutboxEntry e) {
        String to = Wire.JSON.createReader(new StringReader(e.getPayload())).readObject().getString("to", "");
        // Enough to recognise a number, not enough to collect them.
        String masked = to.length() <= 4 ? "••••" : "•••" + to.substring(to.length() - 4);
        return new SmsView(e.getId(), masked, e.getStatus(), e.getAttempts(), e.getMergedCount(), Times.iso(e.getCreatedAt()),
                Times.iso(e.getSentAt()), e.getExternalId(), e.getDeliveryStatus(), e.getLastError());
    }

    private static Integration state(boolean configured, OutboxSummary s) {
        return new Integration(configured, s.pending(), s.sent(), s.failed(), Times.iso(s.lastSentAt()), s.lastError());
    }

    /** Both integrations, and whether the outbox worker runs on this node. */
    public record Integrations(Integration twilio, Integration stream, boolean workerRunning, List<SmsView> recentSms) {}

    /** One SMS of the outbox: the number masked, how it went, and Twilio's id and delivery status. */
    public record SmsView(long id, String to, String status, int attempts, int messages, String createdAt, String sentAt,
            String twilioSid, String deliveryStatus, String lastError) {}

    /** One integration: pending, sent and failed outbox entries, the last success and the last error. */
    public record Integration(boolean configured, long pending, long sent, long failed, String lastSentAt, String lastError) {}
}
