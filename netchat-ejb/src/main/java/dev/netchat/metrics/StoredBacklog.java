package dev.netchat.metrics;

import dev.netchat.outbox.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What waits in the database, read when metrics are scraped. A database that does not answer gives no figure. */
@ApplicationScoped
public class StoredBacklog {

    @Inject
    OutboxRepository outbox;

    /** Outbox rows not yet delivered to Stream or Twilio; null when the database does not answer. */
    public Long outboxPending() {
        try {
            return outbox.pendingCount();
        } catch (RuntimeException e) { // PersistenceException, or the EJBException wrapping it
            return null;
        }
    }
}
