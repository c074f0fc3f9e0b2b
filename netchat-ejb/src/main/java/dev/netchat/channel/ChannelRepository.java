package dev.netchat.channel;

import dev.netchat.event.ChannelMembership;
import dev.netchat.shared.InLists;
import dev.netchat.shared.LikePattern;
import dev.netchat.shared.Mentions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Channels and memberships in the database. Joins the caller's transaction. */
@ApplicationScoped
public class ChannelRepository implements ChannelMembership {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    public Optional<Channel> find(String id) {
        return Optional.ofNullable(em.find(Channel.class, id));
    }

    /** Locks the channel row until commit: events of one channel are numbered one at a time. */
    public Optional<Channel> findForUpdate(String id) {
        return Optional.ofNullable(em.find(Channel.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<ChannelMember> member(String channelId, String userId) {
        return Optional.ofNullable(em.find(ChannelMember.class, new ChannelMember.Key(channelId, userId)));
    }

    public boolean isMember(String channelId, String userId) {
        return member(channelId, userId).isPresent();
    }

    @Override
    public List<String> memberIds(String channelId) {
        return em.createQuery(
                        "select m.userId from ChannelMember m where m.channelId = :c order by m.joinedAt", String.class)
                .setParameter("c", channelId)
                .getResultList();
    }

    /** The channel's memberships (notification settings, read positions), in joining order. */
    public List<ChannelMember> members(String channelId) {
        return em.createQuery(
                        "select m from ChannelMember m where m.channelId = :c order by m.joinedAt", ChannelMember.class)
                .setParameter("c", channelId)
                .getResultList();
    }

    @Override
    public Long lastSeqForMember(String channelId, String userId) {
        List<Long> rows = em.createQuery(
                        "select c.lastSeq from Channel c where c.id = :c and exists "
                                + "(select m.userId from ChannelMember m where m.channelId = c.id and m.userId = :u)",
                        Long.class)
                .setParameter("c", channelId)
                .setParameter("u", userId)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    @Override
    public Map<String, Long> lastSeqs(Collection<String> channelIds) {
        Map<String, Long> result = new HashMap<>();
        for (List<String> chunk : InLists.of(channelIds)) {
            for (Object[] row : em.createQuery(
                            "select c.id, c.lastSeq from Channel c where c.id in :ids", Object[].class)
                    .setParameter("ids", chunk)
                    .getResultList()) {
                result.put((String) row[0], (Long) row[1]);
            }
        }
        return result;
    }

    @Override
    public Map<String, Set<String>> membersOfSmallChannelsOf(Collection<String> userIds, int maxMembers) {
        Map<String, Set<String>> members = new HashMap<>();
        for (List<String> chunk : InLists.of(userIds)) {
            for (Object[] row : em.createQuery(
                            "select other.channelId, other.userId from ChannelMember other "
                                    + "join Channel c on c.id = other.channelId "
                                    + "where c.memberCount <= :max "
                                    + "and other.channelId in (select mine.channelId from ChannelMember mine where mine.userId in :users)",
                            Object[].class)
                    .setParameter("max", maxMembers)
                    .setParameter("users", chunk)
                    .getResultList()) {
                // A set: a channel can come back from two chunks.
                members.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]);
            }
        }
        return members;
    }

    /** One member fewer in each channel the user belongs to: before the database removes the user's memberships with it. */
    public int decrementMemberCountsOf(String userId) {
        return em.createQuery("update Channel c set c.memberCount = c.memberCount - 1 where exists "
                        + "(select m from ChannelMember m where m.channelId = c.id and m.userId = :u)")
                .setParameter("u", userId)
                .executeUpdate();
    }

    /** The seen positions of the channel's members other than {@code exceptUserId} who share read receipts. */
    public List<ReadReceipt> receipts(String channelId, String exceptUserId) {
        return em.createQuery(
                        "select new dev.netchat.channel.ReadReceipt(m.userId, m.seenSeq) from ChannelMember m, UserAccount u "
                                + "where m.channelId = :c and u.id = m.userId and m.userId <> :me and u.readReceipts = true order by m.joinedAt",
                        ReadReceipt.class)
                .setParameter("c", channelId)
                .setParameter("me", exceptUserId)
                .getResultList();
    }

    public Optional<Channel> findDirect(String directKey) {
        return em.createQuery("select c from Channel c where c.directKey = :k", Channel.class)
                .setParameter("k", directKey)
                .getResultStream()
                .findFirst();
    }

    public boolean teamNameTaken(String name, String exceptId) {
        return !em.createQuery("select c.id from Channel c where c.teamName = :n and c.id <> :id", String.class)
                .setParameter("n", name)
                .setParameter("id", exceptId == null ? "" : exceptId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** The user's channels, most recent activity first. */
    public List<Channel> forUser(String userId, ChannelType type) {
        String jpql = "select c from Channel c, ChannelMember m where m.channelId = c.id and m.userId = :u"
                + (type == null ? "" : " and c.type = :t")
                + " order by coalesce(c.lastMessageAt, c.createdAt) desc, c.id";
        var query = em.createQuery(jpql, Channel.class).setParameter("u", userId);
        if (type != null) {
            query.setParameter("t", type);
        }
        return query.getResultList();
    }

    /** Unread messages per channel for the user: others' top-level, undeleted messages after the read position. */
    public Map<String, Long> unreadCounts(String userId) {
        return unreadCounts(userId, null);
    }

    /** Like {@link #unreadCounts(String)}, for one channel only when {@code channelId} is not null. */
    public Map<String, Long> unreadCounts(String userId, String channelId) {
        var query = em.createQuery(
                        "select m.channelId, count(msg) from ChannelMember m, Message msg "
                                + "where m.userId = :u and msg.channelId = m.channelId and msg.seq > m.lastReadSeq "
                                + "and msg.parentId is null and msg.deleted = false and (msg.userId is null or msg.userId <> :u) "
                                + (channelId == null ? "" : "and m.channelId = :c ")
                                + "group by m.channelId",
                        Object[].class)
                .setParameter("u", userId);
        if (channelId != null) {
            query.setParameter("c", channelId);
        }
        List<Object[]> rows = query.getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Unread messages per channel that mention the user, by name or by @channel / @here (counted like
     * {@link #unreadCounts}). One query for all channels finds the candidates, whose text contains "@username",
     * "@channel" or "@here" in any case (portable LIKE, no regular
     * expressions in SQL); {@link Mentions} then applies the exact word rule, the same one the web client uses.
     */
    public Map<String, Long> mentionCounts(String userId, String username) {
        return mentionCounts(userId, username, null);
    }

    /** Like {@link #mentionCounts(String, String)}, for one channel only when {@code channelId} is not null. */
    public Map<String, Long> mentionCounts(String userId, String username, String channelId) {
        var query = em.createQuery(
                        "select m.channelId, msg.text from ChannelMember m, Message msg "
                                + "where m.userId = :u and msg.channelId = m.channelId and msg.seq > m.lastReadSeq "
                                + "and msg.parentId is null and msg.deleted = false and (msg.userId is null or msg.userId <> :u) "
                                + (channelId == null ? "" : "and m.channelId = :c ")
                                + "and (lower(msg.text) like :p escape '\\' or lower(msg.text) like '%@channel%' "
                                + "or lower(msg.text) like '%@here%')",
                        Object[].class)
                .setParameter("u", userId)
                .setParameter("p", LikePattern.containing("@" + username));
        if (channelId != null) {
            query.setParameter("c", channelId);
        }
        List<Object[]> rows = query.getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            if (Mentions.addresses((String) row[1], username)) {
                counts.merge((String) row[0], 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The user's memberships (read position, notification settings) by channel id. */
    public Map<String, ChannelMember> memberships(String userId) {
        Map<String, ChannelMember> found = new HashMap<>();
        for (ChannelMember m : em.createQuery("select m from ChannelMember m where m.userId = :u", ChannelMember.class)
                .setParameter("u", userId)
                .getResultList()) {
            found.put(m.getChannelId(), m);
        }
        return found;
    }

    /** The default channel new accounts join, locked like {@link #findForUpdate(String)}. */
    public java.util.Optional<Channel> defaultChannelForUpdate() {
        return em.createQuery(
                        "select c.id from Channel c where c.defaultChannel = true order by c.createdAt", String.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .flatMap(this::findForUpdate);
    }

    /** Member ids of several channels at once, in joining order. */
    public Map<String, List<String>> memberIds(Collection<String> channelIds) {
        Map<String, List<String>> members = new HashMap<>();
        if (channelIds.isEmpty()) {
            return members;
        }
        for (Object[] row : em.createQuery(
                        "select m.channelId, m.userId from ChannelMember m where m.channelId in :ids "
                                + "order by m.joinedAt",
                        Object[].class)
                .setParameter("ids", channelIds)
                .getResultList()) {
            members.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return members;
    }

    /** Public team channels the user is not in, whose name or description contains the text. */
    public List<Channel> discover(String userId, String text, int limit) {
        String pattern = LikePattern.containing(text);
        return em.createQuery(
                        "select c from Channel c where c.type = :team and c.privateChannel = false "
                                + "and not exists (select m from ChannelMember m where m.channelId = c.id and m.userId = :u) "
                                + "and (c.teamName like :p escape '\\' or lower(c.description) like :p escape '\\') "
                                + "order by c.memberCount desc, c.teamName",
                        Channel.class)
                .setParameter("team", ChannelType.TEAM)
                .setParameter("u", userId)
                .setParameter("p", pattern)
                .setMaxResults(limit)
                .getResultList();
    }

    public void add(Channel channel) {
        em.persist(channel);
    }

    public void addMember(ChannelMember member) {
        em.persist(member);
    }

    public void removeMember(ChannelMember member) {
        em.remove(member);
    }
}
