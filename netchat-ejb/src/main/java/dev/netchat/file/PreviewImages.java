package dev.netchat.file;

import dev.netchat.fetch.AddressRules;
import dev.netchat.fetch.ExpiringCache;
import dev.netchat.fetch.OutboundHttp;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pictures of link previews, fetched by NetChat so that viewers' browsers never contact the page's host (which
 * would tell it who reads the channel), by the avatar proxy's path ({@link RemoteImages}) but with the previews'
 * own allowed addresses ({@code netchat.previews.allowed-addresses}). Re-encoded as a
 * {@value #EDGE} px square JPEG: the card reserves a square of half that (for high-density screens), so the
 * picture never shifts the layout whatever its proportions. Kept for an hour, failures for five minutes.
 */
@ApplicationScoped
public class PreviewImages {

    static final int EDGE = 160;
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration KEEP_FAILURE = Duration.ofMinutes(5);

    private final ExpiringCache<String, ExternalAvatars.Fetched> cache = new ExpiringCache<>(300);

    @Inject
    @ConfigProperty(name = "netchat.previews.allowed-addresses")
    Optional<String> allowedAddresses;

    private OutboundHttp http;

    @PostConstruct
    void start() {
        http = new OutboundHttp(
                AddressRules.allowing(allowedAddresses.orElse(null)),
                InetAddress::getAllByName,
                "NetChat link preview",
                Duration.ofSeconds(3));
    }

    @PreDestroy
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    public ExternalAvatars.Fetched fetch(String url) {
        Optional<ExternalAvatars.Fetched> hit = cache.get(url);
        if (hit.isPresent()) {
            return hit.get();
        }
        ExternalAvatars.Fetched result = RemoteImages.fetch(http, url, EDGE, true, "Link preview");
        cache.put(url, result, result.jpeg() != null ? KEEP : KEEP_FAILURE);
        return result;
    }
}
