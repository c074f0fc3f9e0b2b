package dev.netchat.message;

import dev.netchat.shared.DatabaseVendor;
import dev.netchat.shared.LikePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** A message with this clientMessageId from any author (the Stream bridge's prefixed ids are unique on their own). */
    public Optional<Message> findByAnyClientId(String clientMessageId) {
        return em.createQuery("select m from Message m where m.clientMessageId = :c", Message.class)
                .setParameter("c", clientMessageId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
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
        var query =
                em.createQuery(jpql, Message.class).setParameter("c", channelId).setMaxResults(limit + 1);
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

    /**
     * Matches of a search in the channels the user is a member of (or only those in {@code channelIds}), never
     * deleted messages. With words, PostgreSQL ranks by full-text relevance ({@code ts_rank_cd} over the stored
     * {@code text_tsv} column, V65) damped by age, so that a strong match of last week beats a weak one of today
     * and a year-old one needs to be much stronger; H2 has no comparable index, so it matches each word with
     * LIKE and orders by recency. Without words (only filters), newest first on both.
     */
    @SuppressWarnings("unchecked")
    public List<Message> search(
            String userId, SearchQuery query, Collection<String> channelIds, String authorId, int limit) {
        boolean ranked = query.hasText() && vendor.isPostgresql();
        StringBuilder sql = new StringBuilder("select m.* from messages m");
        if (ranked) {
            sql.append(" cross join websearch_to_tsquery('simple', :text) q");
        }
        sql.append(" where m.deleted = false")
                .append(" and m.channel_id in (select cm.channel_id from channel_members cm where cm.user_id = :u)");
        Map<String, Object> params = new HashMap<>();
        params.put("u", userId);
        if (ranked) {
            sql.append(" and m.text_tsv @@ q");
            params.put("text", query.text());
        } else if (query.hasText()) {
            List<String> words = query.highlightTerms();
            for (int i = 0; i < words.size(); i++) {
                sql.append(" and lower(m.text) like :w").append(i).append(" escape '\\'");
                params.put("w" + i, LikePattern.containing(words.get(i)));
            }
        }
        if (channelIds != null) {
            sql.append(" and m.channel_id in (:channels)");
            params.put("channels", channelIds);
        }
        if (authorId != null) {
            sql.append(" and m.user_id = :author");
            params.put("author", authorId);
        }
        if (query.before() != null) {
            sql.append(" and m.created_at < :before");
            params.put("before", query.before().atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        }
        if (query.after() != null) {
            sql.append(" and m.created_at >= :after");
            params.put(
                    "after",
                    query.after().plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
        }
        if (query.hasFile()) {
            sql.append(" and exists (select 1 from files f where f.message_id = m.id)");
        }
        // 2,592,000 s = 30 days: the age at which a match counts half as much as the same match today.
        sql.append(
                ranked
                        ? " order by ts_rank_cd(m.text_tsv, q, 32) / (1 + extract(epoch from (current_timestamp - m.created_at)) / 2592000.0) desc,"
                                + " m.created_at desc, m.id"
                        : " order by m.created_at desc, m.id");
        var nativeQuery = em.createNativeQuery(sql.toString(), Message.class).setMaxResults(limit);
        params.forEach(nativeQuery::setParameter);
        return nativeQuery.getResultList();
    }

    /**
     * Messages that may mention the user, newest first: in its channels, not deleted, not its own, that name
     * "@username", "@channel" or "@here" (the caller applies the exact word rule). PostgreSQL looks the names up
     * in the indexed {@code mention_names} column (V77); H2 matches the text with a portable LIKE in any case.
     */
    @SuppressWarnings("unchecked")
    public List<Message> mentionCandidates(String userId, String username, Instant before, int offset, int limit) {
        if (vendor.isPostgresql()) {
            // Usernames are [a-z0-9._-] (UserRules); quotes doubled anyway, so the tsquery's lexemes stay literal.
            String names = "'" + username.toLowerCase(Locale.ROOT).replace("'", "''") + "' | 'channel' | 'here'";
            var query = em.createNativeQuery(
                            "select m.* from messages m where m.mention_names @@ cast(:names as tsquery) "
                                    + "and m.deleted = false and (m.user_id is null or m.user_id <> :u) "
                                    + "and m.channel_id in (select cm.channel_id from channel_members cm where cm.user_id = :u) "
                                    + (before != null ? "and m.created_at < :before " : "")
                                    + "order by m.created_at desc, m.id desc",
                            Message.class)
                    .setParameter("names", names)
                    .setParameter("u", userId)
                    .setFirstResult(offset)
                    .setMaxResults(limit);
            if (before != null) {
                query.setParameter("before", before.atOffset(ZoneOffset.UTC));
            }
            return query.getResultList();
        }
        var query = em.createQuery(
                        "select msg from Message msg where msg.channelId in "
                                + "(select cm.channelId from ChannelMember cm where cm.userId = :u) "
                                + "and msg.deleted = false and (msg.userId is null or msg.userId <> :u) "
                                + (before != null ? "and msg.createdAt < :before " : "")
                                + "and (lower(msg.text) like :p escape '\\' or lower(msg.text) like '%@channel%' "
                                + "or lower(msg.text) like '%@here%') order by msg.createdAt desc, msg.id desc",
                        Message.class)
                .setParameter("u", userId)
                .setParameter("p", LikePattern.containing("@" + username))
                .setFirstResult(offset)
                .setMaxResults(limit);
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.getResultList();
    }

    /** The channel's pinned messages, most recently pinned first (deleting a message unpins it). */
    public List<Message> pinned(String channelId, int limit) {
        return em.createQuery(
                        "select m from Message m where m.channelId = :c and m.pinnedAt is not null "
                                + "order by m.pinnedAt desc, m.id",
                        Message.class)
                .setParameter("c", channelId)
                .setMaxResults(limit)
                .getResultList();
    }

    public long pinnedCount(String channelId) {
        return em.createQuery(
                        "select count(m) from Message m where m.channelId = :c and m.pinnedAt is not null", Long.class)
                .setParameter("c", channelId)
                .getSingleResult();
    }

    public Optional<SavedMessage> saved(String userId, String messageId) {
        return Optional.ofNullable(em.find(SavedMessage.class, new SavedMessage.Key(userId, messageId)));
    }

    /** Which of these messages the user saved (one query for a page of messages). */
    public Set<String> savedAmong(String userId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select s.messageId from SavedMessage s where s.userId = :u and s.messageId in :ids",
                        String.class)
                .setParameter("u", userId)
                .setParameter("ids", messageIds)
                .getResultList());
    }

    /**
     * The user's saved messages that it may still read (it is a member of their channel) and that were not
     * deleted, most recently saved first, saved before {@code before} (null: the latest).
     */
    public List<SavedMessage> savedBy(String userId, Instant before, int limit) {
        var query = em.createQuery(
                        "select s from SavedMessage s, Message m where s.userId = :u and m.id = s.messageId "
                                + "and m.deleted = false and m.channelId in (select cm.channelId from ChannelMember cm where cm.userId = :u) "
                                + (before != null ? "and s.savedAt < :before " : "")
                                + "order by s.savedAt desc, s.messageId",
                        SavedMessage.class)
                .setParameter("u", userId)
                .setMaxResults(limit);
        if (before != null) {
            query.setParameter("before", before);
        }
        return query.getResultList();
    }

    public List<Message> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from Message m where m.id in :ids", Message.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** Reads the message's row again (after taking its channel's lock: what it says then is final until commit). */
    public void refresh(Message message) {
        em.refresh(message);
    }

    public void add(SavedMessage saved) {
        em.persist(saved);
    }

    public void remove(SavedMessage saved) {
        em.remove(saved);
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
