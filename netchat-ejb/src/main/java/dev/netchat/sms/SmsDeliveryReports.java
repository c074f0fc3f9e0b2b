package dev.netchat.sms;

import com.twilio.security.RequestValidator;
import dev.netchat.outbox.OutboxRepository;
import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NotAllowedException;
import dev.netchat.shared.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Twilio's delivery reports (its status callbacks): the signature is checked before anything else, then the
 * status is kept on the outbox entry that sent the SMS, shown on the admin page. One transaction per report.
 */
@Stateless
public class SmsDeliveryReports {

    private static final Logger LOG = Logger.getLogger(SmsDeliveryReports.class.getName());

    @Inject
    TwilioSettings twilio;

    @Inject
    OutboxRepository outbox;

    /**
     * One status callback: its form fields and X-Twilio-Signature, and the address it was sent to (used when no
     * public URL is configured). Refused: 404 when Twilio is not configured, 403 for a signature that does not
     * validate, 400 without MessageSid and MessageStatus. A report for an SMS NetChat does not know is logged and
     * otherwise ignored.
     */
    public void receive(Map<String, String> params, String signature, String calledUrl) {
        if (!twilio.enabled()) {
            throw NotFoundException.integration("Twilio");
        }
        // Twilio signs the address it called: the status callback address NetChat gave it.
        String url = twilio.publicUrl()
                .map(base -> base + TwilioSettings.STATUS_CALLBACK_PATH)
                .orElse(calledUrl);
        if (signature == null || !new RequestValidator(twilio.authToken()).validate(url, params, signature)) {
            LOG.warning("Refused a Twilio status callback with a missing or wrong X-Twilio-Signature");
            throw new NotAllowedException(
                    NotAllowedException.Why.BAD_SIGNATURE, "The X-Twilio-Signature header does not validate.");
        }
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || status == null || sid.length() > 64 || status.length() > 32) {
            throw InvalidInputException.of("MessageSid", "MessageSid and MessageStatus are required.");
        }
        if (!outbox.recordDeliveryStatus(sid, status)) {
            LOG.info(() -> "Twilio status " + status + " for a message NetChat does not know: " + sid);
        }
    }
}
