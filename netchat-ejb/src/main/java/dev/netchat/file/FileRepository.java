package dev.netchat.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The one way to the files table; joins the caller's transaction. */
@ApplicationScoped
class FileRepository {

    @PersistenceContext(unitName = "netchat")
    EntityManager em;

    Optional<StoredFile> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(StoredFile.class, id));
    }

    void add(StoredFile file) {
        em.persist(file);
    }

    StoredFile merge(StoredFile file) {
        return em.merge(file);
    }

    void remove(StoredFile file) {
        em.remove(em.contains(file) ? file : em.merge(file));
    }

    List<StoredFile> ofMessages(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "SELECT f FROM StoredFile f WHERE f.messageId IN :ids ORDER BY f.createdAt, f.id",
                        StoredFile.class)
                .setParameter("ids", messageIds)
                .getResultList();
    }

    /** Bytes and count of what one user uploaded since a moment (the quota). */
    long[] uploadedSince(String userId, Instant since) {
        Object[] row = em.createQuery(
                        "SELECT COALESCE(SUM(f.sizeBytes), 0), COUNT(f) FROM StoredFile f "
                                + "WHERE f.uploaderId = :u AND f.createdAt >= :since",
                        Object[].class)
                .setParameter("u", userId)
                .setParameter("since", since)
                .getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /**
     * Attachments finished but never posted with a message, started before {@code unposted}, and uploads never
     * finished, started before {@code unfinished} (a slow upload in progress is not abandoned), and the files of
     * deleted messages whose bytes are still there (removed after the delete commits; this catches what a crash
     * in between left).
     */
    List<StoredFile> abandoned(Instant unposted, Instant unfinished, int limit) {
        return em.createQuery(
                        "SELECT f FROM StoredFile f WHERE (f.status = 'READY' AND f.kind = 'ATTACHMENT' "
                                + "AND f.messageId IS NULL AND f.createdAt < :unposted) "
                                + "OR (f.status = 'UPLOADING' AND f.createdAt < :unfinished) "
                                + "OR f.status = 'REMOVED'",
                        StoredFile.class)
                .setParameter("unposted", unposted)
                .setParameter("unfinished", unfinished)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Avatars of a user other than the current one. */
    List<StoredFile> avatarsOf(String userId) {
        return em.createQuery(
                        "SELECT f FROM StoredFile f WHERE f.kind = 'AVATAR' AND f.uploaderId = :u", StoredFile.class)
                .setParameter("u", userId)
                .getResultList();
    }
}
