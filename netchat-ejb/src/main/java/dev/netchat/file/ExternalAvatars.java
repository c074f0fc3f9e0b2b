package dev.netchat.file;

import dev.netchat.fetch.AddressRules;
import dev.netchat.fetch.ExpiringCache;
import dev.netchat.fetch.OutboundHttp;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches avatar pictures that users gave as URLs to other hosts, so that viewers' browsers load them from
 * NetChat and the other host never sees who looks. Guarded against being used to reach the server's own
 * network (server-side request forgery), DNS rebinding included, by {@link OutboundHttp} with the operator's
 * {@code netchat.avatars.proxy-allowed-addresses}: no redirects followed; 3 s to connect, 3 s between bytes and
 * 5 s for the whole body; at most {@value RemoteImages#MAX_BYTES} bytes; re-encoded as a 256 px square JPEG by
 * {@link RemoteImages}, so whatever the other host sends never reaches a browser as it is.
 * Results are kept for an hour in a bounded cache, failures for five minutes.
 */
@ApplicationScoped
public class ExternalAvatars implements dev.netchat.user.AvatarHosts {

    static final int EDGE = 256;
    private static final int CACHE_ENTRIES = 500;
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration KEEP_FAILURE = Duration.ofMinutes(5);

    /** Why no picture came back. */
    public enum Failure {
        /** The host is, or resolves to, an address NetChat does not connect to; nothing was sent to it. */
        REFUSED_ADDRESS,
        /** Fetched, or tried to, but no image within the limits came back. */
        UNAVAILABLE
    }

    /** A JPEG, or why there is none. */
    public record Fetched(byte[] jpeg, Failure failure) {
        public Optional<byte[]> picture() {
            return Optional.ofNullable(jpeg);
        }
    }

    private final ExpiringCache<String, Fetched> cache = new ExpiringCache<>(CACHE_ENTRIES);

    @Inject
    @ConfigProperty(name = "netchat.avatars.proxy-allowed-addresses")
    Optional<String> allowedAddresses;

    private OutboundHttp.Resolver resolver = InetAddress::getAllByName;
    private OutboundHttp http;

    public ExternalAvatars() {}

    /** For tests: the given allowed addresses and resolver instead of the configuration and the system's DNS. */
    ExternalAvatars(String allowed, OutboundHttp.Resolver resolver) {
        this.allowedAddresses = Optional.ofNullable(allowed);
        this.resolver = resolver;
        start();
    }

    @PostConstruct
    void start() {
        AddressRules rules = AddressRules.allowing(allowedAddresses == null ? null : allowedAddresses.orElse(null));
        http = new OutboundHttp(rules, resolver, "NetChat avatar proxy", Duration.ofSeconds(3));
    }

    @PreDestroy
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    /**
     * The host's addresses, resolved once and each checked (see {@link OutboundHttp#vet}).
     *
     * @throws OutboundHttp.RefusedAddressException when any address is not permitted
     */
    InetAddress[] vet(String host) throws UnknownHostException {
        return http.vet(host);
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
        } catch (OutboundHttp.RefusedAddressException e) {
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The picture at the URL as a square JPEG, or why there is none. */
    public Fetched fetch(String url) {
        Optional<Fetched> hit = cache.get(url);
        if (hit.isPresent()) {
            return hit.get();
        }
        Fetched result = RemoteImages.fetch(http, url, EDGE, true, "Avatar proxy");
        cache.put(url, result, result.jpeg() != null ? KEEP : KEEP_FAILURE);
        return result;
    }
}
