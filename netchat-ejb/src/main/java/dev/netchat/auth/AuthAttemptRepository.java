package dev.netchat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Counted sign-in failures and sign-ups ({@link AuthAttempt}) in the database. Joins the caller's transaction. */
@ApplicationScoped
class AuthAttemptRepository {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    void add(AuthAttempt attempt) {
        em.persist(attempt);
    }

    /**
     * Attempts of this kind since {@code since}, narrowed to the username and to the address where those are
     * given (null counts any).
     */
    long count(String kind, String username, String clientAddress, Instant since) {
        String jpql = "select count(a) from AuthAttempt a where a.kind = :k and a.attemptedAt > :t"
                + (username == null ? "" : " and a.username = :u")
                + (clientAddress == null ? "" : " and a.clientAddress = :a");
        var query = em.createQuery(jpql, Long.class).setParameter("k", kind).setParameter("t", since);
        if (username != null) {
            query.setParameter("u", username);
        }
        if (clientAddress != null) {
            query.setParameter("a", clientAddress);
        }
        return query.getSingleResult();
    }

    /** Forgets the failures of this username from this address. */
    int forgetFailures(String username, String clientAddress) {
        return em.createQuery(
                        "delete from AuthAttempt a where a.kind = :k and a.username = :u and a.clientAddress = :a")
                .setParameter("k", AuthAttempt.LOGIN_FAILURE)
                .setParameter("u", username)
                .setParameter("a", clientAddress)
                .executeUpdate();
    }

    int deleteBefore(Instant before) {
        return em.createQuery("delete from AuthAttempt a where a.attemptedAt < :t")
                .setParameter("t", before)
                .executeUpdate();
    }
}
