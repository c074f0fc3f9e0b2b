package dev.netchat.web.webhook;

import dev.netchat.shared.Wire;
import dev.netchat.sms.SmsDeliveryReports;
import dev.netchat.stream.StreamWebhookReceiver;
import dev.netchat.stream.StreamWebhookService;
import dev.netchat.web.error.Problems;
import dev.netchat.web.shared.BodyTooLargeException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Webhooks: the HTTP side only. No session: each call proves where it comes from by its signature, which the
 * receiving service checks before anything else ({@link StreamWebhookReceiver}, {@link SmsDeliveryReports}). An
 * integration that is not configured has no webhook (404). Here: the media type, and a body read no further than
 * its limit.
 */
@Path("webhooks")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    /** The largest Stream event read (the API's usual body limit; a message is at most 4000 characters). */
    static final int MAX_STREAM_BODY = 64 * 1024;

    @Inject
    StreamWebhookReceiver streamWebhooks;

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
        streamWebhooks.requireEnabled();
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
            raw = request.getInputStream().readNBytes(MAX_STREAM_BODY + 1);
        } catch (BodyTooLargeException e) {
            return tooLarge();
        } catch (IOException e) {
            return Problems.of(400, "Malformed request", "The body could not be read.", uri, List.of())
                    .build();
        }
        if (raw.length > MAX_STREAM_BODY) {
            return tooLarge();
        }
        StreamWebhookService.Result result = streamWebhooks.receive(raw, signature, webhookId);
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
        Map<String, String> params = new TreeMap<>();
        if (form != null) {
            form.forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        }
        deliveryReports.receive(params, signature, uri.getRequestUri().toString());
        return Response.noContent().build();
    }
}
