package dev.netchat.fetch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.DnsResolver;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * An HTTP GET to a host a user named, guarded against server-side request forgery, DNS rebinding included; the
 * one way NetChat fetches from other hosts on a user's behalf (the avatar proxy, link previews):
 * <ul>
 * <li>http(s) only, no user info in the URL; the host is resolved <em>once</em>, by the HTTP client's
 * {@link DnsResolver}, which refuses the host when <em>any</em> of its addresses is not
 * {@linkplain AddressRules#permitted permitted}, and the connection is made to exactly the addresses it checked
 * (no second lookup a rebinding DNS could answer differently);</li>
 * <li>redirects are followed by this class, not by the client, at most {@link Limits#maxRedirects()} times, and
 * every hop goes through the same vetting resolver (a public page redirecting to 169.254.169.254 is refused);</li>
 * <li>no proxy from system properties, no retries, no cookies;</li>
 * <li>a timeout to connect and between bytes, a deadline for the whole body and a cap on its size.</li>
 * </ul>
 * Each feature has its own instance, because each has its own operator setting of allowed addresses.
 */
public final class OutboundHttp implements Closeable {

    /** How host names become addresses: the system's resolver, or a test's. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Thrown by the vetting resolver: the host has an address the rules do not permit. Nothing was sent to it. */
    public static final class RefusedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        public RefusedAddressException(String host) {
            super("Refused address for " + host);
        }
    }

    /**
     * Limits of one fetch: {@code timeout} to connect and between two reads, {@code deadline} for the whole body,
     * at most {@code maxBytes} of it, at most {@code maxRedirects} redirects (0: a redirect is a failure).
     */
    public record Limits(Duration timeout, Duration deadline, int maxBytes, int maxRedirects) {
        public Limits {
            if (timeout.isNegative()
                    || timeout.isZero()
                    || deadline.isNegative()
                    || deadline.isZero()
                    || maxBytes < 1
                    || maxRedirects < 0) {
                throw new IllegalArgumentException("Outbound HTTP limits must be positive: " + timeout + ", " + deadline
                        + ", " + maxBytes + ", " + maxRedirects);
            }
        }
    }

    /**
     * A 200 answer: where it finally came from (after redirects), its content type (lower case, may be null) and
     * its body; {@code truncated} when the body went on beyond {@link Limits#maxBytes()} and only that much was read.
     */
    public record Body(URI uri, String contentType, byte[] bytes, boolean truncated) {}

    private final AddressRules rules;
    private final Resolver resolver;
    private final CloseableHttpClient client;

    public OutboundHttp(AddressRules rules, Resolver resolver, String userAgent, Duration timeout) {
        this.rules = rules;
        this.resolver = resolver;
        DnsResolver vetting = this::vet;
        var sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", SSLConnectionSocketFactory.getSocketFactory())
                .build();
        var connections = new PoolingHttpClientConnectionManager(sockets, null, null, vetting, 30, TimeUnit.SECONDS);
        connections.setMaxTotal(20);
        connections.setDefaultMaxPerRoute(4);
        int millis = (int) timeout.toMillis();
        client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(userAgent)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(millis)
                        .setConnectionRequestTimeout(millis)
                        .setSocketTimeout(millis)
                        .setRedirectsEnabled(false)
                        .build())
                .build();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing sockets: nothing to do
        }
    }

    /**
     * The host's addresses, resolved once and each checked; the client connects to exactly these.
     *
     * @throws RefusedAddressException when any address is not permitted
     */
    public InetAddress[] vet(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress a : addresses) {
            if (!rules.permitted(a)) {
                throw new RefusedAddressException(host);
            }
        }
        return addresses.clone();
    }

    /** Whether the URL is one this class would try at all: absolute http(s) with a host and no user info. */
    public static Optional<URI> fetchable(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * GETs the URL within the limits. Empty when there is no 200 answer of an accepted type within them (a timeout,
     * a refused redirect target, a body over the cap when {@code keepPrefix} is false...).
     *
     * @param acceptedType asked of the answer's lower-case content type (without parameters) before its body is read
     * @param keepPrefix   whether a body over the cap is given back cut at the cap (a page's metadata comes first)
     *                     rather than refused (a picture cut short is no picture)
     * @throws RefusedAddressException when the host, or a redirect's, resolves to an address that is not permitted
     */
    public Optional<Body> get(
            String url, String accept, Predicate<String> acceptedType, Limits limits, boolean keepPrefix)
            throws RefusedAddressException {
        Optional<URI> next = fetchable(url);
        Instant deadline = Instant.now().plus(limits.deadline());
        for (int hop = 0; next.isPresent() && hop <= limits.maxRedirects(); hop++) {
            URI uri = next.get();
            next = Optional.empty();
            HttpGet get = new HttpGet(uri);
            get.setHeader("Accept", accept);
            try (CloseableHttpResponse response = client.execute(get)) {
                int status = response.getStatusLine().getStatusCode();
                HttpEntity entity = response.getEntity();
                if (isRedirect(status)) {
                    Header location = response.getFirstHeader("Location");
                    get.abort();
                    if (location != null) {
                        next = fetchable(
                                uri.resolve(location.getValue().strip()).toString());
                    }
                    continue;
                }
                String type = contentType(entity);
                if (status != 200
                        || entity == null
                        || type == null
                        || !acceptedType.test(type)
                        || (!keepPrefix && entity.getContentLength() > limits.maxBytes())) {
                    get.abort();
                    return Optional.empty();
                }
                return read(entity, get, limits.maxBytes(), deadline, keepPrefix)
                        .map(bytes -> new Body(uri, fullContentType(entity), bytes.bytes(), bytes.truncated()));
            } catch (RefusedAddressException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String contentType(HttpEntity entity) {
        String full = entity == null ? null : fullContentType(entity);
        if (full == null) {
            return null;
        }
        int semicolon = full.indexOf(';');
        return (semicolon < 0 ? full : full.substring(0, semicolon)).strip();
    }

    private static String fullContentType(HttpEntity entity) {
        Header header = entity.getContentType();
        return header == null || header.getValue() == null
                ? null
                : header.getValue().toLowerCase(Locale.ROOT).strip();
    }

    private record Read(byte[] bytes, boolean truncated) {}

    /**
     * At most {@code max} bytes before the deadline. Past the deadline: nothing (a server that trickles is broken
     * or holding NetChat's threads on purpose). Past the cap: the prefix when asked for, else nothing. Either way
     * the connection is dropped rather than drained, so the rest is never downloaded.
     */
    private static Optional<Read> read(HttpEntity entity, HttpGet get, int max, Instant deadline, boolean keepPrefix)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (Instant.now().isAfter(deadline)) {
                    get.abort();
                    return Optional.empty();
                }
                if (out.size() + n > max) {
                    get.abort();
                    if (!keepPrefix) {
                        return Optional.empty();
                    }
                    out.write(buffer, 0, max - out.size());
                    return Optional.of(new Read(out.toByteArray(), true));
                }
                out.write(buffer, 0, n);
            }
        }
        return Optional.of(new Read(out.toByteArray(), false));
    }
}
