package dev.netchat.file;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches avatar pictures that users gave as URLs to other hosts, so that viewers' browsers load them from
 * NetChat and the other host never sees who looks. Guarded against being used to reach the server's own
 * network (server-side request forgery), DNS rebinding included:
 * <ul>
 * <li>http(s) only; the host is resolved <em>once</em>, by the HTTP client's {@link DnsResolver}, which refuses
 * the host when <em>any</em> of its addresses is not {@linkplain AvatarAddressRules#permitted permitted}, and the
 * connection is made to exactly the addresses it checked (no second lookup a rebinding DNS could answer
 * differently);</li>
 * <li>no redirects followed, no proxy from system properties, no retries;</li>
 * <li>3 s to connect, 3 s between bytes and 5 s for the whole body; a declared or actual size over
 * {@value #MAX_BYTES} bytes is refused; only an {@code image/*} content type (never SVG) whose bytes also sniff
 * as a decodable image;</li>
 * <li>decoded with the same bounds as uploads and re-encoded as a 256 px square JPEG, so whatever the other host
 * sends never reaches a browser as it is.</li>
 * </ul>
 * Results are kept for an hour in a bounded cache, failures for five minutes.
 */
@ApplicationScoped
public class ExternalAvatars implements dev.netchat.user.AvatarHosts {

    private static final Logger LOG = Logger.getLogger(ExternalAvatars.class.getName());

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int EDGE = 256;
    private static final int CACHE_ENTRIES = 500;
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration KEEP_FAILURE = Duration.ofMinutes(5);
    private static final Duration BODY_DEADLINE = Duration.ofSeconds(5);

    /** Why no picture came back. */
    public enum Failure {
        /** The host is, or resolves to, an address NetChat does not connect to; nothing was sent to it. */
        REFUSED_ADDRESS,
        /** Fetched, or tried to, but no image within the limits came back. */
        UNAVAILABLE
    }

    /** A square JPEG, or why there is none. */
    public record Fetched(byte[] jpeg, Failure failure) {
        public Optional<byte[]> picture() {
            return Optional.ofNullable(jpeg);
        }
    }

    /** How host names become addresses: the system's resolver, or a test's. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Thrown by the vetting resolver: the host has an address the rules do not permit. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host) {
            super("Refused address for " + host);
        }
    }

    private record Cached(Fetched result, Instant until) {}

    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    @Inject
    @ConfigProperty(name = "netchat.avatars.proxy-allowed-addresses")
    Optional<String> allowedAddresses;

    private AvatarAddressRules rules = AvatarAddressRules.PUBLIC_ONLY;
    private Resolver resolver = InetAddress::getAllByName;
    private CloseableHttpClient client;

    public ExternalAvatars() {}

    /** For tests: the given allowed addresses and resolver instead of the configuration and the system's DNS. */
    ExternalAvatars(String allowed, Resolver resolver) {
        this.allowedAddresses = Optional.ofNullable(allowed);
        this.resolver = resolver;
        start();
    }

    @PostConstruct
    void start() {
        rules = AvatarAddressRules.allowing(allowedAddresses == null ? null : allowedAddresses.orElse(null));
        DnsResolver vetting = host -> vet(host);
        var sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", SSLConnectionSocketFactory.getSocketFactory())
                .build();
        var connections = new PoolingHttpClientConnectionManager(sockets, null, null, vetting, 30,
                java.util.concurrent.TimeUnit.SECONDS);
        connections.setMaxTotal(20);
        connections.setDefaultMaxPerRoute(4);
        client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("NetChat avatar proxy")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(3000)
                        .setConnectionRequestTimeout(3000)
                        .setSocketTimeout(3000)
                        .setRedirectsEnabled(false)
                        .build())
                .build();
    }

    @PreDestroy
    void stop() {
        try {
            if (client != null) {
                client.close();
            }
        } catch (IOException e) {
            // closing sockets: nothing to do
        }
    }

    /**
     * The host's addresses, resolved once and each checked; the client connects to exactly these.
     *
     * @throws RefusedAddressException when any address is not permitted
     */
    InetAddress[] vet(String host) throws UnknownHostException {
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

    /** The rule of {@link #vet}, asked when a profile is saved: the URL's host is refused by the proxy. */
    @Override
    public boolean refused(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false; // not a URL: the profile's own rules refuse it
        }
        if (host == null) {
            return false;
        }
        try {
            vet(host);
            return false;
        } catch (RefusedAddressException e) {
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The picture at the URL as a square JPEG, or why there is none. */
    public Fetched fetch(String url) {
        synchronized (cache) {
            Cached hit = cache.get(url);
            if (hit != null && hit.until().isAfter(Instant.now())) {
                return hit.result();
            }
        }
        Fetched result = load(url);
        synchronized (cache) {
            cache.put(url, new Cached(result, Instant.now().plus(result.jpeg() != null ? KEEP : KEEP_FAILURE)));
        }
        return result;
    }

    private Fetched load(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Fetched(null, Failure.UNAVAILABLE);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            return new Fetched(null, Failure.UNAVAILABLE);
        }
        HttpGet get = new HttpGet(uri);
        get.setHeader("Accept", "image/png, image/jpeg, image/gif, image/bmp");
        try (CloseableHttpResponse response = client.execute(get)) {
            HttpEntity entity = response.getEntity();
            if (response.getStatusLine().getStatusCode() != 200 || entity == null || !imageType(entity.getContentType())
                    || entity.getContentLength() > MAX_BYTES) {
                get.abort();
                return new Fetched(null, Failure.UNAVAILABLE);
            }
            byte[] bytes = readBounded(entity, get);
            if (bytes == null) {
                return new Fetched(null, Failure.UNAVAILABLE);
            }
            String type = TypeSniffer.sniff(bytes);
            if (!TypeSniffer.decodable(type)) {
                return new Fetched(null, Failure.UNAVAILABLE);
            }
            var decoded = ImageVariants.decode(new ByteArrayInputStream(bytes), type, EDGE);
            return decoded.isEmpty() ? new Fetched(null, Failure.UNAVAILABLE)
                    : new Fetched(ImageVariants.jpeg(ImageVariants.square(decoded.get().pixels(), EDGE)), null);
        } catch (RefusedAddressException e) {
            LOG.info(() -> "Avatar proxy: refused to connect to " + uri.getHost() + " (an address is not permitted)");
            return new Fetched(null, Failure.REFUSED_ADDRESS);
        } catch (IOException | RuntimeException e) {
            return new Fetched(null, Failure.UNAVAILABLE);
        }
    }

    private static boolean imageType(Header contentType) {
        if (contentType == null || contentType.getValue() == null) {
            return false;
        }
        String type = contentType.getValue().toLowerCase(Locale.ROOT).strip();
        return type.startsWith("image/") && !type.startsWith("image/svg");
    }

    /** At most {@value #MAX_BYTES} bytes within the body deadline, else null (and the connection dropped). */
    private static byte[] readBounded(HttpEntity entity, HttpGet get) throws IOException {
        Instant deadline = Instant.now().plus(BODY_DEADLINE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES || Instant.now().isAfter(deadline)) {
                    get.abort();
                    return null;
                }
            }
        }
        return out.toByteArray();
    }
}
