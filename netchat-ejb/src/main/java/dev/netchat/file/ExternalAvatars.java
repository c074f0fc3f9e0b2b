package dev.netchat.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches avatar pictures that users gave as URLs to other hosts, so that viewers' browsers load them from
 * NetChat and the other host never sees who looks. Guarded against being used to reach the server's own
 * network: http(s) only, no redirects, hosts that resolve to loopback, private, link-local or multicast
 * addresses refused (unless {@code netchat.avatars.proxy-private-hosts} allows them, for tests), at most
 * {@value #MAX_BYTES} bytes within 5 s, decoded with the same bounds as uploads and re-encoded as a 256 px square
 * JPEG, so whatever the other host sends never reaches a browser as it is. Results (and failures) are kept for
 * an hour in a bounded cache.
 */
@ApplicationScoped
public class ExternalAvatars {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int EDGE = 256;
    private static final int CACHE_ENTRIES = 500;
    private static final Duration KEEP = Duration.ofHours(1);

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    private record Cached(byte[] jpeg, Instant at) {}

    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    @Inject
    @ConfigProperty(name = "netchat.avatars.proxy-private-hosts", defaultValue = "false")
    boolean allowPrivateHosts;

    /** The picture at the URL as a square JPEG, or empty when it cannot be fetched safely or is no image. */
    public Optional<byte[]> fetch(String url) {
        synchronized (cache) {
            Cached hit = cache.get(url);
            if (hit != null && hit.at().plus(KEEP).isAfter(Instant.now())) {
                return Optional.ofNullable(hit.jpeg());
            }
        }
        byte[] jpeg = load(url);
        synchronized (cache) {
            cache.put(url, new Cached(jpeg, Instant.now()));
        }
        return Optional.ofNullable(jpeg);
    }

    private byte[] load(String url) {
        try {
            URI uri = URI.create(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || (!allowPrivateHosts && !publicHost(uri.getHost()))) {
                return null;
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "image/png, image/jpeg, image/gif, image/bmp").GET().build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return null;
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    return null;
                }
                String type = TypeSniffer.sniff(bytes);
                if (!TypeSniffer.decodable(type)) {
                    return null;
                }
                var decoded = ImageVariants.decode(new java.io.ByteArrayInputStream(bytes), type, EDGE);
                return decoded.isEmpty() ? null : ImageVariants.jpeg(ImageVariants.square(decoded.get().pixels(), EDGE));
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether every address of the host is a public one. */
    static boolean publicHost(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress a : addresses) {
                if (!publicAddress(a)) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean publicAddress(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15, 240.0.0.0/4
            return !(first == 100 && second >= 64 && second < 128) && first != 0 && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        // fc00::/7 unique local addresses
        return (b[0] & 0xfe) != 0xfc;
    }
}
