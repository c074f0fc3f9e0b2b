package dev.netchat.web.webhook;

import com.twilio.security.RequestValidator;
import dev.netchat.shared.NetChatException;
import dev.netchat.shared.Wire;
import dev.netchat.sms.SmsDeliveryReports;
import dev.netchat.sms.TwilioSettings;
import dev.netchat.stream.StreamSettings;
import dev.netchat.stream.StreamWebhookService;
import dev.netchat.web.error.Problems;
import dev.netchat.web.shared.BodyTooLargeException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhooks. No session: each call proves where it comes from by its signature, checked before anything else
 * (Stream: hex HMAC-SHA256 of the raw body under the API secret; Twilio: its request signature under the auth
 * token). An integration that is not configured has no webhook (404).
 */
@Path("webhooks")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class.getName());
    /** The largest Stream event read (the API's usual body limit; a message is at most 4000 characters). */
    static final int MAX_STREAM_BODY = 64 * 1024;

    @Inject
    StreamSettings stream;

    @Inject
    TwilioSettings twilio;

    @EJB
    StreamWebhookService streamEvents;

    @EJB
    SmsDeliveryReports deliveryReports;

    @Context
    UriInfo uri;

    @POST
    @Path("stream")
    @Consumes(MediaType.WILDCARD)
    public Response stream(
            @Context HttpServletRequest request,
            @HeaderParam("X-Signature") String signature,
            @HeaderParam("X-Webhook-Id") String webhookId) {
        if (!stream.enabled()) {
            return Problems.of(404, "Not found", "The Stream Chat bridge is not configured.", uri, List.of())
                    .build();
        }
        if (!isJson(request.getContentType())) {
            return Problems.of(
                            415,
                            "Unsupported media type",
                            "Stream's events are sent as application/json.",
                            uri,
                            List.of())
                    .build();
        }
        byte[] raw;
        try {
            raw = readBounded(request.getInputStream());
        } catch (BodyTooLargeException e) {
            return tooLarge();
        } catch (IOException e) {
            return Problems.of(400, "Malformed request", "The body could not be read.", uri, List.of())
                    .build();
        }
        if (raw == null) {
            return tooLarge();
        }
        if (signature == null || !validStreamSignature(raw, signature)) {
            LOG.warning("Refused a Stream webhook with a missing or wrong X-Signature");
            return Problems.of(
                            401, "Not authenticated", "The X-Signature header does not match the body.", uri, List.of())
                    .build();
        }
        JsonObject event;
        try {
            JsonValue parsed =
                    Wire.JSON.createReader(new ByteArrayInputStream(raw)).readValue();
            if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new JsonException("not an object");
            }
            event = parsed.asJsonObject();
        } catch (JsonException e) {
            return Problems.of(
                            400,
                            "Malformed request",
                            "The body must be a JSON object (a Stream event).",
                            uri,
                            List.of())
                    .build();
        }
        // Replays are recognised by what was signed: X-Webhook-Id is not covered by the signature, so anyone who
        // saw one delivery could replay it under a new id. A redelivery of the same event has the same body.
        String id = "sha256:" + sha256(raw);
        StreamWebhookService.Result result;
        try {
            result = streamEvents.handle(id, event);
        } catch (NetChatException e) {
            // The event is well-formed and signed but cannot apply here (e.g. too long): retrying will not help.
            LOG.info(() -> "Stream webhook " + id + " (X-Webhook-Id " + webhookId + ") not applied: " + e.getMessage());
            result = StreamWebhookService.Result.IGNORED;
        } catch (RuntimeException e) {
            if (!streamEvents.seen(id)) {
                throw e;
            }
            result = StreamWebhookService.Result.DUPLICATE; // a concurrent redelivery acted first
        }
        if (result == StreamWebhookService.Result.MALFORMED) {
            return Problems.of(400, "Malformed request", "The event's fields have the wrong types.", uri, List.of())
                    .build();
        }
        return Response.ok(Wire.JSON
                        .createObjectBuilder()
                        .add("result", result.name().toLowerCase())
                        .build()
                        .toString())
                .build();
    }

    /** A concrete JSON media type (application/json or a +json type); wildcards like {@code * / *} are not one. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            return "application".equalsIgnoreCase(type.getType())
                    && ("json".equalsIgnoreCase(type.getSubtype())
                            || type.getSubtype().toLowerCase().endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The body, or null when it is larger than {@link #MAX_STREAM_BODY} bytes (read no further than that). */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_STREAM_BODY + 1);
        return body.length > MAX_STREAM_BODY ? null : body;
    }

    private Response tooLarge() {
        return Problems.of(
                        413,
                        "Payload too large",
                        "A Stream event is at most " + MAX_STREAM_BODY + " bytes.",
                        uri,
                        List.of())
                .build();
    }

    @POST
    @Path("twilio/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response twilioStatus(
            MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature) {
        if (!twilio.enabled()) {
            return Problems.of(404, "Not found", "Twilio is not configured.", uri, List.of())
                    .build();
        }
        Map<String, String> params = new TreeMap<>();
        if (form != null) {
            form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        }
        // Twilio signs the address it called: the status callback address NetChat gave it.
        String url = twilio.publicUrl()
                .map(base -> base + TwilioSettings.STATUS_CALLBACK_PATH)
                .orElse(uri.getRequestUri().toString());
        if (signature == null || !new RequestValidator(twilio.authToken()).validate(url, params, signature)) {
            LOG.warning("Refused a Twilio status callback with a missing or wrong X-Twilio-Signature");
            return Problems.of(403, "Forbidden", "The X-Twilio-Signature header does not validate.", uri, List.of())
                    .build();
        }
        String sid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (sid == null || status == null || sid.length() > 64 || status.length() > 32) {
            return Problems.of(400, "Malformed request", "MessageSid and MessageStatus are required.", uri, List.of())
                    .build();
        }
        deliveryReports.record(sid, status);
        return Response.noContent().build();
    }

    private boolean validStreamSignature(byte[] body, String signature) {
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
