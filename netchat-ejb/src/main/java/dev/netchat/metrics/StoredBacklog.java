package dev.netchat.metrics;

import dev.netchat.outbox.OutboxEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/** What waits in the database, read when metrics are scraped. A database that does not answer gives no figure. */
@ApplicationScoped
public class StoredBacklog {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    /** Outbox rows not yet delivered to Stream or Twilio; null when the database does not answer. */
    public Long outboxPending() {
        try {
            return em.createQuery("select count(o) from OutboxEntry o where o.status = :p", Long.class)
                    .setParameter("p", OutboxEntry.PENDING)
                    .getSingleResult();
        } catch (PersistenceException e) {
            return null;
        }
    }
}
