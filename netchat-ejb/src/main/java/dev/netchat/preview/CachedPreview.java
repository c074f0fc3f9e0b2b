package dev.netchat.preview;

import dev.netchat.message.LinkPreview;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** What fetching a URL gave, shared by every node (a failure too, for a shorter while). */
@Entity
@Table(name = "link_previews")
public class CachedPreview {

    @Id
    @Column(name = "url_key", length = 64)
    private String urlKey;

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(nullable = false)
    private boolean found;

    @Column(length = 300)
    private String title;

    @Column(length = 1000)
    private String description;

    @Column(name = "site_name", length = 200)
    private String siteName;

    @Column(name = "image_url", length = 2048)
    private String imageUrl;

    @Column(name = "fetched_at", nullable = false)
    private Instant fetchedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected CachedPreview() {}

    CachedPreview(String urlKey, String url) {
        this.urlKey = urlKey;
        this.url = url;
    }

    void set(Optional<LinkPreview> preview, Instant now, Instant expires) {
        this.found = preview.isPresent();
        this.title = preview.map(LinkPreview::title).orElse(null);
        this.description = preview.map(LinkPreview::description).orElse(null);
        this.siteName = preview.map(LinkPreview::siteName).orElse(null);
        this.imageUrl = preview.map(LinkPreview::imageUrl).orElse(null);
        this.fetchedAt = now;
        this.expiresAt = expires;
    }

    String getUrl() {
        return url;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Optional<LinkPreview> preview() {
        return found ? Optional.of(new LinkPreview(url, title, description, siteName, imageUrl)) : Optional.empty();
    }
}
