package dev.netchat.message;

import dev.netchat.shared.LikePattern;
import dev.netchat.shared.DatabaseVendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Messages and reactions in the database. Joins the caller's transaction. */
@ApplicationScoped
public class MessageRepository {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @Inject
    DatabaseVendor vendor;

    public Optional<Message> find(String id) {
        return Optional.ofNullable(em.find(Message.class, id));
    }

    public Optional<Message> findByClientId(String userId, String clientMessageId) {
        return em.createQuery("select m from Message m where m.userId = :u and m.clientMessageId = :c", Message.class)
                .setParameter("u", userId)
                .setParameter("c", clientMessageId)
                .getResultStream()
                .findFirst();
    }

    /**
     * Top-level messages of a channel, ascending by seq: the latest {@code limit} (both bounds null), those
     * before a seq, or those after one. One more than asked is read to know whether more exist.
     */
    public List<Message> page(String channelId, Long before, Long after, int limit) {
        boolean ascending = after != null;
        String jpql = "select m from Message m where m.channelId = :c and m.parentId is null"
                + (before != null ? " and m.seq < :before" : "")
                + (after != null ? " and m.seq > :after" : "")
                + " order by m.seq " + (ascending ? "asc" : "desc");
        var query = em.createQuery(jpql, Message.class).setParameter("c", channelId).setMaxResults(limit + 1);
        if (before != null) {
            query.setParameter("before", before);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        List<Message> rows = new ArrayList<>(query.getResultList());
        if (!ascending) {
            Collections.reverse(rows);
        }
        return rows;
    }

    public List<Message> replies(String parentId, int limit) {
        return em.createQuery("select m from Message m where m.parentId = :p order by m.seq", Message.class)
                .setParameter("p", parentId)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<Reaction> reactions(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from Reaction r where r.messageId in :ids order by r.createdAt", Reaction.class)
                .setParameter("ids", messageIds)
                .getResultList();
    }

    public Optional<Reaction> reaction(String messageId, String userId, String type) {
        return Optional.ofNullable(em.find(Reaction.class, new Reaction.Key(messageId, userId, type)));
    }

    /** Matches in the user's channels (optionally one channel), newest first; never deleted messages. */
    @SuppressWarnings("unchecked")
    public List<Message> search(String userId, String channelId, String text, int limit) {
        if (vendor.isPostgresql()) {
            String sql = "select m.* from messages m join channel_members cm on cm.channel_id = m.channel_id and cm.user_id = ?1 "
                    + "where m.deleted = false and to_tsvector('simple', m.text) @@ plainto_tsquery('simple', ?2) "
                    + (channelId != null ? "and m.channel_id = ?3 " : "")
                    + "order by m.created_at desc";
            var query = em.createNativeQuery(sql, Message.class).setParameter(1, userId).setParameter(2, text).setMaxResults(limit);
            if (channelId != null) {
                query.setParameter(3, channelId);
            }
            return query.getResultList();
        }
        String pattern = LikePattern.containing(text);
        var query = em.createQuery("select m from Message m, ChannelMember cm where cm.channelId = m.channelId and cm.userId = :u "
                        + "and m.deleted = false and lower(m.text) like :p escape '\\'"
                        + (channelId != null ? " and m.channelId = :c" : "")
                        + " order by m.createdAt desc", Message.class)
                .setParameter("u", userId)
                .setParameter("p", pattern)
                .setMaxResults(limit);
        if (channelId != null) {
            query.setParameter("c", channelId);
        }
        return query.getResultList();
    }

    public void add(Message message) {
        em.persist(message);
    }

    public void add(Reaction reaction) {
        em.persist(reaction);
    }

    public void remove(Reaction reaction) {
        em.remove(reaction);
    }
}
