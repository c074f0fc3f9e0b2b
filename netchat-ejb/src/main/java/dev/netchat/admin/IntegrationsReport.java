package dev.netchat.admin;

import dev.netchat.audit.Actor;
import dev.netchat.audit.AuditLog;
import dev.netchat.outbox.OutboxEntry;
import dev.netchat.outbox.OutboxRepository;
import dev.netchat.outbox.OutboxSummary;
import dev.netchat.outbox.OutboxWorker;
import dev.netchat.outbox.OutboxWritten;
import dev.netchat.shared.NotFoundException;
import dev.netchat.shared.Times;
import dev.netchat.shared.Wire;
import dev.netchat.sms.TwilioSettings;
import dev.netchat.stream.StreamSettings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;

/**
 * How the optional integrations stand, for the admin page and the console: configured or not, their outbox's
 * state, the entries that failed for good, and sending a failed entry again once its cause is fixed.
 */
@Stateless
public class IntegrationsReport {

    /** At most this many failed entries are listed (newest first); "send all again" takes every one. */
    static final int FAILED_SHOWN = 50;

    @Inject
    AuditLog audit;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    TwilioSettings twilio;

    @Inject
    StreamSettings stream;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxWorker worker;

    public IntegrationsDto report() {
        List<SmsDto> recent =
                outbox.recent("sms", 20).stream().map(IntegrationsReport::sms).toList();
        List<FailedEntryDto> failed = failedEntries();
        return new IntegrationsDto(
                state(twilio.enabled(), outbox.summary("sms")),
                state(stream.enabled(), outbox.summary("stream")),
                worker.running(),
                recent,
                failed);
    }

    /** The entries that failed for good, newest first: what they were for and why they failed (no phone numbers). */
    public List<FailedEntryDto> failedEntries() {
        return outbox.failed(FAILED_SHOWN).stream()
                .map(e -> new FailedEntryDto(
                        e.getId(),
                        e.getKind(),
                        e.getKind().startsWith("sms") ? "twilio" : "stream",
                        e.getAttempts(),
                        Times.iso(e.getCreatedAt()),
                        e.getLastError()))
                .toList();
    }

    /** Sends one failed entry again (pending now, attempts from zero); audited. */
    public void resend(Actor actor, long id) {
        if (!outbox.resend(id)) {
            throw NotFoundException.outboxEntry(id);
        }
        audit.record(actor, "outbox.resent", String.valueOf(id), null, null);
        written.fire(new OutboxWritten()); // the worker wakes after the commit
    }

    /** Sends every failed entry again; answers how many. Audited. */
    public int resendAllFailed(Actor actor) {
        int n = outbox.resendAllFailed();
        if (n > 0) {
            audit.record(actor, "outbox.resent", null, null, n + " failed entries");
            written.fire(new OutboxWritten()); // the worker wakes after the commit
        }
        return n;
    }

    private static SmsDto sms(OutboxEntry e) {
        String to = Wire.JSON
                .createReader(new StringReader(e.getPayload()))
                .readObject()
                .getString("to", "");
        // Enough to recognise a number, not enough to collect them.
        String masked = to.length() <= 4 ? "••••" : "•••" + to.substring(to.length() - 4);
        return new SmsDto(
                e.getId(),
                masked,
                e.getStatus(),
                e.getAttempts(),
                e.getMergedCount(),
                Times.iso(e.getCreatedAt()),
                Times.iso(e.getSentAt()),
                e.getExternalId(),
                e.getDeliveryStatus(),
                e.getLastError());
    }

    private static IntegrationDto state(boolean configured, OutboxSummary s) {
        return new IntegrationDto(
                configured, s.pending(), s.sent(), s.failed(), Times.iso(s.lastSentAt()), s.lastError());
    }

    /** Both integrations, and whether the outbox worker runs on this node. */
    public record IntegrationsDto(
            IntegrationDto twilio,
            IntegrationDto stream,
            boolean workerRunning,
            List<SmsDto> recentSms,
            List<FailedEntryDto> failedEntries) {}

    /** An outbox entry that failed for good: which integration, what it was (kind), and the last error. */
    public record FailedEntryDto(
            long id, String kind, String integration, int attempts, String createdAt, String lastError) {
        @Override
        public String toString() {
            return "#" + id + " " + kind + " (" + attempts + " attempts, " + createdAt + "): " + lastError;
        }
    }

    /** One SMS of the outbox: the number masked, how it went, and Twilio's id and delivery status. */
    public record SmsDto(
            long id,
            String to,
            String status,
            int attempts,
            int messages,
            String createdAt,
            String sentAt,
            String twilioSid,
            String deliveryStatus,
            String lastError) {}

    /** One integration: pending, sent and failed outbox entries, the last success and the last error. */
    public record IntegrationDto(
            boolean configured, long pending, long sent, long failed, String lastSentAt, String lastError) {}
}
