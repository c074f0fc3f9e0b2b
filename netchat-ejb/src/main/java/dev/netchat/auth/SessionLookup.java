package dev.netchat.auth;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Reads which sign-in sessions are alive, in a transaction of its own: callers include a scheduled sweep on a
 * plain managed thread, where an entity manager outside a transaction would outlive the call.
 */
@Stateless
public class SessionLookup {

    @PersistenceContext(unitName = "netchat")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<String> alive(List<String> sessionIds, Instant now) {
        return em.createQuery("select distinct t.familyId from RefreshToken t where t.familyId in :ids "
                        + "and t.revokedAt is null and t.expiresAt > :now", String.class)
                .setParameter("ids", sessionIds)
                .setParameter("now", now)
                .getResultList();
    }
}
