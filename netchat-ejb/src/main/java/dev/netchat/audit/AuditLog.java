package dev.netchat.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Writes and reads the audit log. Each entry commits in its own transaction: a failed sign-in is recorded
 * even though the sign-in itself rolls back.
 */
@Stateless
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Actor actor, String action, String targetId, String targetName, String detail) {
        em.persist(new AuditEntry(actor, action, targetId, targetName, detail));
    }

    /** Newest first; page 0 is the newest. */
    public List<AuditEntry> page(int page) {
        return em.createQuery("select a from AuditEntry a order by a.occurredAt desc, a.id", AuditEntry.class)
                .setFirstResult(page * PAGE_SIZE)
                .setMaxResults(PAGE_SIZE + 1)
                .getResultList();
    }
}
