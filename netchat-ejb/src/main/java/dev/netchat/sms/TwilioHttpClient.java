package dev.netchat.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Twilio SDK's transport, on the JDK's HTTP client: short timeouts (a slow Twilio only delays the outbox
 * worker), no retries of its own (the outbox retries, with back-off and a record of every attempt), and the
 * base address configurable ({@code netchat.twilio.api-url}) because the SDK has no such setting; tests point it
 * at a local fake that speaks Twilio's wire format.
 */
final class TwilioHttpClient extends HttpClient {

    private static final String TWILIO = "https://api.twilio.com";
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final java.net.http.HttpClient http;
    private final String apiUrl;
    private final Duration timeout;

    TwilioHttpClient(String apiUrl, Duration timeout) {
        this.apiUrl = apiUrl;
        this.timeout = timeout;
        this.http =
                java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** One attempt only: the outbox decides about retries (and records each one). */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        if (url.startsWith(TWILIO)) {
            url = apiUrl + url.substring(TWILIO.length());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            if (!RESTRICTED.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(v -> builder.header(header.getKey(), v));
            }
        }
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        builder.header("Accept", "application/json");
        // The SDK's own user agent (twilio-java/<version> (<os>) java/<version> ... custom), as its own client sends
        // it: Twilio's support and logs recognise SDK traffic by it.
        builder.header("User-Agent", HttpUtility.getUserAgentString(request.getUserAgentExtensions(), true));
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(
                            method.toString(),
                            HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        } else {
            builder.method(method.toString(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.body(), response.statusCode());
        } catch (IOException e) {
            throw new ApiConnectionException(
                    "Twilio could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while calling Twilio", e);
        }
    }
}
