package dev.netchat.preview;

import dev.netchat.message.LinkPreview;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The database's cache of fetch results (table link_previews), which every node of a cluster shares. Each call is
 * a short transaction of its own: the fetcher calls it before and after a fetch, never during one.
 */
@Stateless
public class CachedPreviewRepository {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    /** Empty when nothing fresh is known; else what the last fetch gave (itself empty when it failed). */
    public Optional<Optional<LinkPreview>> lookup(String url) {
        CachedPreview row = em.find(CachedPreview.class, key(url));
        if (row == null || !row.getUrl().equals(url) || !row.getExpiresAt().isAfter(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(row.preview());
    }

    /** Remembers a fetch's result for {@code keep}, and forgets rows that expired a day ago. */
    public void remember(String url, Optional<LinkPreview> preview, Duration keep) {
        Instant now = Instant.now();
        CachedPreview row = em.find(CachedPreview.class, key(url));
        if (row == null) {
            row = new CachedPreview(key(url), url);
            em.persist(row);
        }
        row.set(preview, now, now.plus(keep));
        em.createQuery("delete from CachedPreview p where p.expiresAt < :cutoff")
                .setParameter("cutoff", now.minus(Duration.ofDays(1)))
                .executeUpdate();
    }

    static String key(String url) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
