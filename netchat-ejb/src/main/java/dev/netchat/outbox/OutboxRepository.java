package dev.netchat.outbox;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table. Writers join the caller's transaction (so an entry exists exactly when its change
 * committed); the worker's steps each run in a transaction of their own, and the outside call runs between
 * them, in none.
 */
@Stateless
public class OutboxRepository {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void add(String kind, String orderingKey, String payload, Instant notBefore) {
        em.persist(new OutboxEntry(kind, orderingKey, payload, notBefore, Instant.now()));
    }

    /**
     * Adds an SMS for the key, at most one per interval: a pending one nobody has taken yet absorbs the new
     * message (it will tell of both); otherwise a new one waits until the interval since the last sent (or the
     * one being sent now) has passed. The caller holds the channel's row lock, so writers of one key never race
     * each other; the worker's claim and this merge are both conditional updates of the same row, so exactly
     * one of them wins and the other sees it.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void addOrMergeSms(String orderingKey, String payload, Duration interval) {
        Instant now = Instant.now();
        List<OutboxEntry> pending = em.createQuery(
                        "select o from OutboxEntry o where o.orderingKey = :k and o.status = :p "
                                + "order by o.id desc",
                        OutboxEntry.class)
                .setParameter("k", orderingKey)
                .setParameter("p", OutboxEntry.PENDING)
                .setMaxResults(1)
                .getResultList();
        if (!pending.isEmpty()) {
            OutboxEntry last = pending.get(0);
            int merged = em.createQuery(
                            "update OutboxEntry o set o.mergedCount = o.mergedCount + 1, o.payload = :payload "
                                    + "where o.id = :id and o.status = :p and (o.claimedUntil is null or o.claimedUntil < :now)")
                    .setParameter("payload", payload)
                    .setParameter("id", last.getId())
                    .setParameter("p", OutboxEntry.PENDING)
                    .setParameter("now", now)
                    .executeUpdate();
            if (merged == 1) {
                return;
            }
            // Taken by a worker this very moment: it is as good as sent now.
            add("sms", orderingKey, payload, now.plus(interval));
            return;
        }
        Instant lastSent = em.createQuery(
                        "select max(o.sentAt) from OutboxEntry o where o.orderingKey = :k and o.status = :s",
                        Instant.class)
                .setParameter("k", orderingKey)
                .setParameter("s", OutboxEntry.SENT)
                .getSingleResult();
        Instant notBefore = lastSent != null && lastSent.plus(interval).isAfter(now) ? lastSent.plus(interval) : now;
        add("sms", orderingKey, payload, notBefore);
    }

    /**
     * Entries of one lane (kinds starting with {@code kindPrefix}) that may be done now, in id order: pending, due,
     * not held by a live claim, and with no earlier pending entry of their ordering key that must wait (for a
     * retry, or for another worker). So a key's whole run of due entries comes in one query (a backlog drains
     * without a query per entry), while a later entry of a key never overtakes an earlier one that waits: the
     * caller does them in order and stops at the first of a key that does not finish.
     */
    public List<OutboxEntry> due(String kindPrefix, int limit) {
        Instant now = Instant.now();
        return em.createQuery(
                        "select o from OutboxEntry o where o.status = :p and o.kind like :k and o.notBefore <= :now "
                                + "and (o.claimedUntil is null or o.claimedUntil < :now) "
                                + "and not exists (select e.id from OutboxEntry e where e.orderingKey = o.orderingKey "
                                + "and e.status = :p and e.id < o.id and (e.notBefore > :now or e.claimedUntil >= :now)) "
                                + "order by o.id",
                        OutboxEntry.class)
                .setParameter("p", OutboxEntry.PENDING)
                .setParameter("k", kindPrefix + "%")
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes the entry for {@code lease} (so no other worker or node does it meanwhile) and answers it as it is
     * now, including what writers merged into it; empty when someone else took or finished it first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<OutboxEntry> claim(long id, Duration lease, String node) {
        Instant now = Instant.now();
        int taken = em.createQuery("update OutboxEntry o set o.claimedUntil = :until, o.claimedBy = :node, "
                        + "o.attempts = o.attempts + 1 "
                        + "where o.id = :id and o.status = :p and (o.claimedUntil is null or o.claimedUntil < :now)")
                .setParameter("until", now.plus(lease))
                .setParameter("node", node)
                .setParameter("id", id)
                .setParameter("p", OutboxEntry.PENDING)
                .setParameter("now", now)
                .executeUpdate();
        if (taken != 1) {
            return Optional.empty();
        }
        OutboxEntry entry = em.find(OutboxEntry.class, id);
        em.refresh(entry);
        em.detach(entry);
        return Optional.of(entry);
    }

    /**
     * Releases the claims a node's previous life held when it died (called as the node starts, before its worker
     * claims anything): whatever it was doing is due again at once rather than when the lease runs out. Answers
     * how many entries it released.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int releaseClaimsOf(String node) {
        return em.createQuery("update OutboxEntry o set o.claimedUntil = null, o.claimedBy = null "
                        + "where o.status = :p and o.claimedBy = :node and o.claimedUntil is not null")
                .setParameter("p", OutboxEntry.PENDING)
                .setParameter("node", node)
                .executeUpdate();
    }

    /** Done: marked once (a second mark of the same entry changes nothing). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean markSent(long id, String externalId) {
        return em.createQuery("update OutboxEntry o set o.status = :s, o.sentAt = :now, o.externalId = :x, "
                                + "o.claimedUntil = null, o.lastError = null where o.id = :id and o.status = :p")
                        .setParameter("s", OutboxEntry.SENT)
                        .setParameter("now", Instant.now())
                        .setParameter("x", externalId)
                        .setParameter("id", id)
                        .setParameter("p", OutboxEntry.PENDING)
                        .executeUpdate()
                == 1;
    }

    /** A failure worth another try at {@code notBefore}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markRetry(long id, String error, Instant notBefore) {
        em.createQuery("update OutboxEntry o set o.notBefore = :nb, o.lastError = :e, o.claimedUntil = null "
                        + "where o.id = :id and o.status = :p")
                .setParameter("nb", notBefore)
                .setParameter("e", truncate(error))
                .setParameter("id", id)
                .setParameter("p", OutboxEntry.PENDING)
                .executeUpdate();
    }

    /** Given up: a permanent error, or too many attempts. Later entries of its key go on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markFailed(long id, String error) {
        em.createQuery("update OutboxEntry o set o.status = :f, o.lastError = :e, o.claimedUntil = null "
                        + "where o.id = :id and o.status = :p")
                .setParameter("f", OutboxEntry.FAILED)
                .setParameter("e", truncate(error))
                .setParameter("id", id)
                .setParameter("p", OutboxEntry.PENDING)
                .executeUpdate();
    }

    /**
     * Twilio's status callback for a message it accepted from us; false when no entry has that id. Callbacks may
     * arrive out of order (Twilio says so): a status only replaces one that comes earlier in a message's life,
     * so a late {@code sent} never hides {@code delivered}, and a final state never moves back.
     */
    public boolean recordDeliveryStatus(String externalId, String status) {
        List<OutboxEntry> entries = em.createQuery(
                        "select o from OutboxEntry o where o.externalId = :x", OutboxEntry.class)
                .setParameter("x", externalId)
                .getResultList();
        for (OutboxEntry entry : entries) {
            if (DeliveryStatus.supersedes(status, entry.getDeliveryStatus())) {
                entry.setDeliveryStatus(status);
            }
        }
        return !entries.isEmpty();
    }

    /** Entries not yet delivered, read for the metrics scrape (outside any transaction). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long pendingCount() {
        return em.createQuery("select count(o) from OutboxEntry o where o.status = :p", Long.class)
                .setParameter("p", OutboxEntry.PENDING)
                .getSingleResult();
    }

    /** Failed entries of every integration, newest first (admin page and console). */
    public List<OutboxEntry> failed(int limit) {
        return em.createQuery("select o from OutboxEntry o where o.status = :f order by o.id desc", OutboxEntry.class)
                .setParameter("f", OutboxEntry.FAILED)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Sends a failed entry again (an admin's decision, once the cause is fixed): pending now, with its attempts
     * counted from zero; false when there is no such failed entry. It goes before any later pending entry of
     * its key, as it was written before them.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean resend(long id) {
        return em.createQuery(
                                "update OutboxEntry o set o.status = :p, o.attempts = 0, o.notBefore = :now, o.claimedUntil = null "
                                        + "where o.id = :id and o.status = :f")
                        .setParameter("p", OutboxEntry.PENDING)
                        .setParameter("now", Instant.now())
                        .setParameter("id", id)
                        .setParameter("f", OutboxEntry.FAILED)
                        .executeUpdate()
                == 1;
    }

    /** Sends every failed entry again; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int resendAllFailed() {
        return em.createQuery(
                        "update OutboxEntry o set o.status = :p, o.attempts = 0, o.notBefore = :now, o.claimedUntil = null "
                                + "where o.status = :f")
                .setParameter("p", OutboxEntry.PENDING)
                .setParameter("now", Instant.now())
                .setParameter("f", OutboxEntry.FAILED)
                .executeUpdate();
    }

    /**
     * Retention: removes entries finished (sent, or failed) before {@code before}, and webhook receipts received
     * before it. Pending entries are never removed. Answers how many rows went.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeBefore(Instant before) {
        int entries = em.createQuery("delete from OutboxEntry o where (o.status = :s and o.sentAt < :b) "
                        + "or (o.status = :f and o.createdAt < :b)")
                .setParameter("s", OutboxEntry.SENT)
                .setParameter("f", OutboxEntry.FAILED)
                .setParameter("b", before)
                .executeUpdate();
        int receipts = em.createQuery("delete from WebhookReceipt r where r.receivedAt < :b")
                .setParameter("b", before)
                .executeUpdate();
        return entries + receipts;
    }

    /** Counts by status for kinds starting with the prefix ("sms", "stream"), for the admin page. */
    public OutboxSummary summary(String kindPrefix) {
        List<Object[]> rows = em.createQuery(
                        "select o.status, count(o) from OutboxEntry o where o.kind like :k group by o.status",
                        Object[].class)
                .setParameter("k", kindPrefix + "%")
                .getResultList();
        long pending = 0;
        long sent = 0;
        long failed = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            switch ((String) row[0]) {
                case OutboxEntry.PENDING -> pending = n;
                case OutboxEntry.SENT -> sent = n;
                default -> failed += n;
            }
        }
        List<OutboxEntry> lastErrors = em.createQuery(
                        "select o from OutboxEntry o where o.kind like :k and o.lastError is not null "
                                + "order by o.id desc",
                        OutboxEntry.class)
                .setParameter("k", kindPrefix + "%")
                .setMaxResults(1)
                .getResultList();
        Instant lastSent = em.createQuery("select max(o.sentAt) from OutboxEntry o where o.kind like :k", Instant.class)
                .setParameter("k", kindPrefix + "%")
                .getSingleResult();
        String lastError = lastErrors.isEmpty() ? null : lastErrors.get(0).getLastError();
        return new OutboxSummary(pending, sent, failed, lastSent, lastError);
    }

    /** The entries of one kind prefix, newest first (admin page and tests). */
    public List<OutboxEntry> recent(String kindPrefix, int limit) {
        return em.createQuery("select o from OutboxEntry o where o.kind like :k order by o.id desc", OutboxEntry.class)
                .setParameter("k", kindPrefix + "%")
                .setMaxResults(limit)
                .getResultList();
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= 500 ? error : error.substring(0, 497) + "...";
    }
}
