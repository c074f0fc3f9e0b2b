package dev.netchat.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Twilio's settings, read from the environment (or system properties) under the names the original NetChat
 * used. SMS is on when the account SID, the auth token and a sender (messaging service or phone number) are set.
 */
@ApplicationScoped
public class TwilioSettings {

    @Inject
    @ConfigProperty(name = "TWILIO_ACCOUNT_SID")
    Optional<String> accountSid;

    @Inject
    @ConfigProperty(name = "TWILIO_AUTH_TOKEN")
    Optional<String> authToken;

    @Inject
    @ConfigProperty(name = "TWILIO_MESSAGING_SERVICE_SID")
    Optional<String> messagingServiceSid;

    @Inject
    @ConfigProperty(name = "TWILIO_PHONE_NUMBER")
    Optional<String> phoneNumber;

    /** The original's operator alert: every new message is also sent here. */
    @Inject
    @ConfigProperty(name = "MY_PHONE_NUMBER")
    Optional<String> operatorNumber;

    /** Twilio's API; only tests point it elsewhere (a local fake speaking Twilio's wire format). */
    @Inject
    @ConfigProperty(name = "netchat.twilio.api-url", defaultValue = "https://api.twilio.com")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "netchat.twilio.timeout", defaultValue = "PT10S")
    Duration timeout;

    /** At most one SMS per user and channel within this interval; later messages are summarised in the next. */
    @Inject
    @ConfigProperty(name = "netchat.sms.min-interval", defaultValue = "PT5M")
    Duration minInterval;

    /** Where people reach NetChat (links in SMS, Twilio's status callbacks); callbacks are only asked for when set. */
    @Inject
    @ConfigProperty(name = "netchat.public-url")
    Optional<String> publicUrl;

    public boolean enabled() {
        return present(accountSid) && present(authToken) && (present(messagingServiceSid) || present(phoneNumber));
    }

    public String accountSid() {
        return accountSid.orElse(null);
    }

    public String authToken() {
        return authToken.orElse(null);
    }

    public Optional<String> messagingServiceSid() {
        return messagingServiceSid.filter(s -> !s.isBlank());
    }

    public Optional<String> phoneNumber() {
        return phoneNumber.filter(s -> !s.isBlank());
    }

    public Optional<String> operatorNumber() {
        return operatorNumber.filter(s -> !s.isBlank());
    }

    public String apiUrl() {
        return apiUrl.replaceAll("/+$", "");
    }

    public Duration timeout() {
        return timeout;
    }

    public Duration minInterval() {
        return minInterval;
    }

    public Optional<String> publicUrl() {
        return publicUrl.filter(s -> !s.isBlank()).map(s -> s.replaceAll("/+$", ""));
    }

    /** The address in an SMS's link: the configured public URL, else the default local address. */
    public String linkBase() {
        return publicUrl().orElse("http://localhost:8080");
    }

    public static final String STATUS_CALLBACK_PATH = "/api/webhooks/twilio/status";

    private static boolean present(Optional<String> value) {
        return value.filter(s -> !s.isBlank()).isPresent();
    }
}
