package dev.netchat.stream;

import dev.netchat.shared.InvalidInputException;
import dev.netchat.shared.NetChatException;
import dev.netchat.shared.NotAuthenticatedException;
import dev.netchat.shared.NotFoundException;
import dev.netchat.shared.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Receives one delivery of Stream's webhook, as the web layer read it (bounded, of a JSON media type): checks its
 * signature before anything else (hex HMAC-SHA256 of the raw body under the API secret, compared in constant
 * time), reads the event and applies it in a transaction of its own ({@link StreamWebhookService}). Outside that
 * transaction, so a concurrent redelivery that made it fail is recognised here and answered as a duplicate.
 */
@ApplicationScoped
public class StreamWebhookReceiver {

    private static final Logger LOG = Logger.getLogger(StreamWebhookReceiver.class.getName());

    @Inject
    StreamSettings stream;

    @Inject
    StreamWebhookService events;

    /** Refuses (404) when the bridge is not configured: then there is no webhook. */
    public void requireEnabled() {
        if (!stream.enabled()) {
            throw NotFoundException.integration("The Stream Chat bridge");
        }
    }

    /**
     * What the delivery led to. Refused: 401 for a missing or wrong signature, 400 for a body that is not a JSON
     * object or an event whose fields have the wrong types (recorded, so a redelivery is a duplicate).
     */
    public StreamWebhookService.Result receive(byte[] body, String signature, String webhookId) {
        requireEnabled();
        if (signature == null || !validSignature(body, signature)) {
            LOG.warning("Refused a Stream webhook with a missing or wrong X-Signature");
            throw new NotAuthenticatedException("The X-Signature header does not match the body.");
        }
        JsonObject event = parse(body);
        // Replays are recognised by what was signed: X-Webhook-Id is not covered by the signature, so anyone who
        // saw one delivery could replay it under a new id. A redelivery of the same event has the same body.
        String id = "sha256:" + sha256(body);
        StreamWebhookService.Result result;
        try {
            result = events.handle(id, event);
        } catch (NetChatException e) {
            // The event is well-formed and signed but cannot apply here (e.g. too long): retrying will not help.
            LOG.info(() -> "Stream webhook " + id + " (X-Webhook-Id " + webhookId + ") not applied: " + e.getMessage());
            result = StreamWebhookService.Result.IGNORED;
        } catch (RuntimeException e) {
            if (!events.seen(id)) {
                throw e;
            }
            result = StreamWebhookService.Result.DUPLICATE; // a concurrent redelivery acted first
        }
        if (result == StreamWebhookService.Result.MALFORMED) {
            throw InvalidInputException.of("body", "The event's fields have the wrong types.");
        }
        return result;
    }

    private static JsonObject parse(byte[] body) {
        try {
            JsonValue parsed =
                    Wire.JSON.createReader(new ByteArrayInputStream(body)).readValue();
            if (parsed.getValueType() == JsonValue.ValueType.OBJECT) {
                return parsed.asJsonObject();
            }
        } catch (JsonException e) {
            // answered below
        }
        throw InvalidInputException.of("body", "The body must be a JSON object (a Stream event).");
    }

    private boolean validSignature(byte[] body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(stream.apiSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            // Constant time: the comparison must not tell how much of a guess was right.
            return MessageDigest.isEqual(
                    expected, signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
