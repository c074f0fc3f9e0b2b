package dev.netchat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Refresh tokens in the database. Joins the caller's transaction. */
@ApplicationScoped
public class RefreshTokenRepository {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    /** Locks the row: of two concurrent refreshes with one token, the second sees it spent. */
    Optional<RefreshToken> findByHashForUpdate(String tokenHash) {
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :h", RefreshToken.class)
                .setParameter("h", tokenHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    void add(RefreshToken token) {
        em.persist(token);
    }

    int revokeFamily(String familyId, Instant now) {
        return em.createQuery(
                        "update RefreshToken t set t.revokedAt = :now where t.familyId = :f and t.revokedAt is null")
                .setParameter("now", now)
                .setParameter("f", familyId)
                .executeUpdate();
    }

    /** Revokes every session of the user except the given family (null keeps none). */
    public int revokeAllOfUserExcept(String userId, String keepFamilyId, Instant now) {
        String jpql = "update RefreshToken t set t.revokedAt = :now where t.userId = :u and t.revokedAt is null"
                + (keepFamilyId == null ? "" : " and t.familyId <> :keep");
        var query = em.createQuery(jpql).setParameter("now", now).setParameter("u", userId);
        if (keepFamilyId != null) {
            query.setParameter("keep", keepFamilyId);
        }
        return query.executeUpdate();
    }

    int deleteExpired(Instant before) {
        return em.createQuery("delete from RefreshToken t where t.expiresAt < :before")
                .setParameter("before", before)
                .executeUpdate();
    }

    /** Which of these sessions (token families) are alive: not revoked and not expired at {@code now}. */
    List<String> aliveFamilies(List<String> familyIds, Instant now) {
        return em.createQuery(
                        "select distinct t.familyId from RefreshToken t where t.familyId in :ids "
                                + "and t.revokedAt is null and t.expiresAt > :now",
                        String.class)
                .setParameter("ids", familyIds)
                .setParameter("now", now)
                .getResultList();
    }

    /** Whether the user has had a session from this address (refresh tokens remember where they were issued). */
    boolean everIssuedFrom(String username, String clientAddress) {
        return em.createQuery(
                                "select count(t) from RefreshToken t, UserAccount u "
                                        + "where u.id = t.userId and u.username = :u and t.clientAddress = :a",
                                Long.class)
                        .setParameter("u", username)
                        .setParameter("a", clientAddress)
                        .getSingleResult()
                > 0;
    }
}
