package dev.netchat.event;

import dev.netchat.channel.Channel;
import dev.netchat.shared.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Appends channel events to the log and announces them (after commit, through {@link EventRelay}).
 * Joins the caller's transaction; the caller holds the channel row's write lock, which is what makes the
 * seq sequence gap-free and identical in the log and on every socket.
 */
@ApplicationScoped
public class ChannelEventLog {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @Inject
    Event<ChannelEventRecorded> recorded;

    @Inject
    Event<EphemeralEventRecorded> ephemeral;

    @Inject
    Event<SessionsEnded> sessionsEnded;

    /**
     * Records the event with the seq the caller took from {@link Channel#nextSeq()}; the frame is
     * {@code {type, channelId, seq, ...fields}}. {@code alsoTo}: users outside the channel who must see it.
     */
    public ChannelEventRecorded append(Channel channel, long seq, String type, JsonObjectBuilder fields, Collection<String> alsoTo) {
        String json = Wire.JSON.createObjectBuilder()
                .add("type", type)
                .add("channelId", channel.getId())
                .add("seq", seq)
                .addAll(fields)
                .build()
                .toString();
        Instant now = Instant.now();
        em.persist(new StoredChannelEvent(channel.getId(), seq, type, json, now));
        List<String> recipients = new ArrayList<>(memberIds(channel.getId()));
        for (String extra : alsoTo) {
            if (!recipients.contains(extra)) {
                recipients.add(extra);
            }
        }
        ChannelEventRecorded event = new ChannelEventRecorded(channel.getId(), seq, type, json, List.copyOf(recipients));
        recorded.fire(event);
        return event;
    }

    public void ephemeral(List<String> userIds, JsonObjectBuilder frame, String exceptSessionId) {
        ephemeral.fire(new EphemeralEventRecorded(List.copyOf(userIds), frame.build().toString(), exceptSessionId));
    }

    public void sessionsEnded(SessionsEnded event) {
        sessionsEnded.fire(event);
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
