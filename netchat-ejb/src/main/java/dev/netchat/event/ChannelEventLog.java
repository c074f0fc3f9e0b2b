package dev.netchat.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored, seq-numbered channel events and their replay; nothing else. Appending stores the event's frame
 * (encoded once by {@link EventCodec}) and hands the same frame to the {@link RealtimeBus}, which publishes it
 * after commit. Joins the caller's transaction; the caller holds the channel row's write lock and took the seq
 * from it, which is what makes the seq sequence gap-free and identical in the log and on every socket.
 */
@ApplicationScoped
public class ChannelEventLog {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @Inject
    RealtimeBus bus;

    /** Stores the event and publishes it after commit to the channel's members (plus {@link ChannelEvent#alsoTo()}). */
    public void append(ChannelEvent event) {
        String frame = EventCodec.frame(event);
        em.persist(new StoredChannelEvent(event.channelId(), event.seq(), event.type(), frame, Instant.now()));
        List<String> recipients = new ArrayList<>(memberIds(event.channelId()));
        for (String extra : event.alsoTo()) {
            if (!recipients.contains(extra)) {
                recipients.add(extra);
            }
        }
        bus.channelEvent(event, frame, List.copyOf(recipients));
    }

    /** The channel's last seq if {@code userId} is a member of it, else null (JPQL by entity name: this package sees no channel class). */
    public Long lastSeqForMember(String channelId, String userId) {
        List<Long> rows = em.createQuery("select c.lastSeq from Channel c where c.id = :c and exists "
                        + "(select m.userId from ChannelMember m where m.channelId = c.id and m.userId = :u)", Long.class)
                .setParameter("c", channelId)
                .setParameter("u", userId)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The last seq of each of the given channels (for catching up on events whose publication was lost). */
    public java.util.Map<String, Long> lastSeqs(java.util.Collection<String> channelIds) {
        java.util.Map<String, Long> result = new java.util.HashMap<>();
        if (channelIds.isEmpty()) {
            return result;
        }
        for (Object[] row : em.createQuery("select c.id, c.lastSeq from Channel c where c.id in :ids", Object[].class)
                .setParameter("ids", channelIds)
                .getResultList()) {
            result.put((String) row[0], (Long) row[1]);
        }
        return result;
    }

    public List<String> memberIds(String channelId) {
        return em.createQuery("select m.userId from ChannelMember m where m.channelId = :c", String.class)
                .setParameter("c", channelId)
                .getResultList();
    }

    /** Events of the channel after {@code seq}, in order, at most {@code limit}. */
    public List<StoredChannelEvent> after(String channelId, long seq, int limit) {
        return em.createQuery("select e from StoredChannelEvent e where e.channelId = :c and e.seq > :s order by e.seq",
                        StoredChannelEvent.class)
                .setParameter("c", channelId)
                .setParameter("s", seq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Events of the channel with seq in [from, to] stored after {@code since}, in order. */
    public List<StoredChannelEvent> between(String channelId, long from, long to, Instant since) {
        return em.createQuery("select e from StoredChannelEvent e where e.channelId = :c and e.seq >= :f and e.seq <= :t "
                        + "and e.createdAt >= :since order by e.seq", StoredChannelEvent.class)
                .setParameter("c", channelId)
                .setParameter("f", from)
                .setParameter("t", to)
                .setParameter("since", since)
                .getResultList();
    }

    /** The oldest seq still kept for the channel, or null when none is kept. */
    public Long oldestKept(String channelId) {
        return em.createQuery("select min(e.seq) from StoredChannelEvent e where e.channelId = :c", Long.class)
                .setParameter("c", channelId)
                .getSingleResult();
    }

    public int pruneBefore(Instant cutoff) {
        return em.createQuery("delete from StoredChannelEvent e where e.createdAt < :t")
                .setParameter("t", cutoff)
                .executeUpdate();
    }
}
