package dev.netchat.preview;

import dev.netchat.fetch.AddressRules;
import dev.netchat.fetch.ExpiringCache;
import dev.netchat.fetch.OutboundHttp;
import dev.netchat.message.LinkPreview;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches a page and reads its preview, with strict limits (the settings {@code netchat.previews.*}, README):
 * only http(s), only addresses {@link AddressRules} permits (public unicast unless the operator allowed more),
 * a timeout to connect and between bytes, a deadline for the whole body, at most {@code max-bytes} of it (the
 * metadata is in the head, so a longer page is read up to the cap and what was read is parsed), a few redirects
 * each vetted again, and only {@code text/html}. Results are cached in the database for every node (a day; a
 * failure ten minutes) and, in front of it, in a small map on this node.
 */
@ApplicationScoped
public class LinkPreviewFetcher {

    private static final Logger LOG = Logger.getLogger(LinkPreviewFetcher.class.getName());
    static final Duration KEEP = Duration.ofDays(1);
    static final Duration KEEP_FAILURE = Duration.ofMinutes(10);
    private static final Duration KEEP_IN_MEMORY = Duration.ofMinutes(5);
    private static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9";

    @Inject
    @ConfigProperty(name = "netchat.previews.allowed-addresses")
    Optional<String> allowedAddresses;

    @Inject
    @ConfigProperty(name = "netchat.previews.timeout-seconds", defaultValue = "3")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "netchat.previews.deadline-seconds", defaultValue = "5")
    int deadlineSeconds;

    @Inject
    @ConfigProperty(name = "netchat.previews.max-bytes", defaultValue = "524288")
    int maxBytes;

    @Inject
    @ConfigProperty(name = "netchat.previews.max-redirects", defaultValue = "3")
    int maxRedirects;

    @EJB
    CachedPreviewRepository database;

    // Five minutes at most: another node's fresher answer in the database is never hidden for long.
    private final ExpiringCache<String, Optional<LinkPreview>> memory = new ExpiringCache<>(500);
    private OutboundHttp http;
    private OutboundHttp.Limits limits;

    public LinkPreviewFetcher() {}

    /** For tests: these settings, the system's DNS and no database. */
    LinkPreviewFetcher(String allowed, int timeoutSeconds, int deadlineSeconds, int maxBytes, int maxRedirects) {
        this.allowedAddresses = Optional.ofNullable(allowed);
        this.timeoutSeconds = timeoutSeconds;
        this.deadlineSeconds = deadlineSeconds;
        this.maxBytes = maxBytes;
        this.maxRedirects = maxRedirects;
        start();
    }

    @PostConstruct
    void start() {
        // A malformed setting fails the deployment (AddressRules, Limits): better than fetching with a guess.
        limits = new OutboundHttp.Limits(
                Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(deadlineSeconds), maxBytes, maxRedirects);
        http = new OutboundHttp(
                AddressRules.allowing(allowedAddresses.orElse(null)),
                InetAddress::getAllByName,
                "NetChat link preview",
                limits.timeout());
    }

    @PreDestroy
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    /** The preview of the page at the URL, from a cache when one knows it. */
    public Optional<LinkPreview> fetch(String url) {
        Optional<Optional<LinkPreview>> known = memory.get(url);
        if (known.isEmpty() && database != null) {
            known = database.lookup(url);
        }
        if (known.isPresent()) {
            return known.get();
        }
        Optional<LinkPreview> preview = load(url);
        memory.put(url, preview, KEEP_IN_MEMORY);
        if (database != null) {
            try {
                database.remember(url, preview, preview.isPresent() ? KEEP : KEEP_FAILURE);
            } catch (RuntimeException e) {
                // Another node remembered the same URL at the same moment (a duplicate key): its answer will do.
                LOG.fine(() -> "Link preview cache not written: " + e);
            }
        }
        return preview;
    }

    /** Fetches and reads the page, without any cache. */
    Optional<LinkPreview> load(String url) {
        try {
            return http.get(
                            url,
                            ACCEPT,
                            type -> type.equals("text/html") || type.equals("application/xhtml+xml"),
                            limits,
                            true)
                    .flatMap(body -> PageMetadata.read(body.bytes(), body.contentType(), body.uri(), url));
        } catch (OutboundHttp.RefusedAddressException e) {
            LOG.info(() -> "Link preview: refused to connect to the host of a link (an address is not permitted)");
            return Optional.empty();
        }
    }
}
