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

    @Inject
    ChannelMembership membership;

    /** Stores the event and publishes it after commit to the channel's members (plus {@link ChannelEvent#alsoTo()}). */
    public void append(ChannelEvent event) {
        String frame = EventCodec.frame(event);
        em.persist(new StoredChannelEvent(event.channelId(), event.seq(), event.type(), frame, Instant.now()));
        List<String> recipients = new ArrayList<>(membership.memberIds(event.channelId()));
        for (String extra : event.alsoTo()) {
            if (!recipients.contains(extra)) {
                recipients.add(extra);
            }
        }
        bus.channelEvent(event, frame, List.copyOf(recipients));
    }

    /** Events of the channel after {@code seq}, in order, at most {@code limit}. */
    public List<StoredChannelEvent> after(String channelId, long seq, int limit) {
        return em.createQuery(
                        "select e from StoredChannelEvent e where e.channelId = :c and e.seq > :s order by e.seq",
                        StoredChannelEvent.class)
                .setParameter("c", channelId)
                .setParameter("s", seq)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Events of the channel with seq in [from, to] stored after {@code since}, in order. */
    public List<StoredChannelEvent> between(String channelId, long from, long to, Instant since) {
        return em.createQuery(
                        "select e from StoredChannelEvent e where e.channelId = :c and e.seq >= :f and e.seq <= :t "
                                + "and e.createdAt >= :since order by e.seq",
                        StoredChannelEvent.class)
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
