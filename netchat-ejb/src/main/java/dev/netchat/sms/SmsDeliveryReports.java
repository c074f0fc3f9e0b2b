package dev.netchat.sms;

import dev.netchat.outbox.OutboxRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Twilio's delivery reports (its status callbacks, signature already checked by the web layer): the status is
 * kept on the outbox entry that sent the SMS, shown on the admin page. One transaction per report.
 */
@Stateless
public class SmsDeliveryReports {

    private static final Logger LOG = Logger.getLogger(SmsDeliveryReports.class.getName());

    @Inject
    OutboxRepository outbox;

    /** Records Twilio's {@code status} for the SMS it knows as {@code messageSid}; an unknown SMS is logged and ignored. */
    public void record(String messageSid, String status) {
        if (!outbox.recordDeliveryStatus(messageSid, status)) {
            LOG.info(() -> "Twilio status " + status + " for a message NetChat does not know: " + messageSid);
        }
    }
}
