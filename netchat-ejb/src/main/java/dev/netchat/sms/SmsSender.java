package dev.netchat.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import dev.netchat.outbox.OutboxEntry;
import dev.netchat.outbox.OutboxHandler;
import dev.netchat.shared.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Sends the outbox's SMS through Twilio's SDK (Messages API), from the messaging service or the phone number. */
@ApplicationScoped
public class SmsSender implements OutboxHandler {

    @Inject
    TwilioSettings twilio;

    private volatile TwilioRestClient client;

    @Override
    public boolean enabled() {
        return twilio.enabled();
    }

    @Override
    public boolean handles(String kind) {
        return "sms".equals(kind);
    }

    @Override
    public String kindPrefix() {
        return "sms";
    }

    @Override
    public Outcome deliver(OutboxEntry entry) {
        JsonObject p =
                Wire.JSON.createReader(new StringReader(entry.getPayload())).readObject();
        String body = SmsText.compose(
                p.getString("author"),
                p.getString("where"),
                p.getString("text"),
                entry.getMergedCount(),
                p.getString("link"));
        PhoneNumber to = new PhoneNumber(p.getString("to"));
        MessageCreator creator = twilio.messagingServiceSid().isPresent()
                ? Message.creator(to, twilio.messagingServiceSid().get(), body)
                : Message.creator(to, new PhoneNumber(twilio.phoneNumber().orElseThrow()), body);
        twilio.publicUrl().ifPresent(url -> creator.setStatusCallback(url + TwilioSettings.STATUS_CALLBACK_PATH));
        try {
            Message sent = creator.create(client());
            return new Outcome.Done(sent.getSid());
        } catch (ApiConnectionException e) {
            return new Outcome.Retry(e.getMessage());
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            String reason = "Twilio answered " + status + (e.getCode() == null ? "" : " (error " + e.getCode() + ")")
                    + ": " + e.getMessage();
            // 429 and 5xx pass; any other 4xx (a bad number, bad credentials) will not pass by trying again.
            return status == null || status == 429 || status >= 500
                    ? new Outcome.Retry(reason)
                    : new Outcome.GiveUp(reason);
        }
    }

    private TwilioRestClient client() {
        TwilioRestClient c = client;
        if (c == null) {
            c = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken())
                    .httpClient(new TwilioHttpClient(twilio.apiUrl(), twilio.timeout()))
                    .build();
            client = c;
        }
        return c;
    }
}
