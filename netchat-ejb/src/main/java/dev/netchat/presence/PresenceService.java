package dev.netchat.presence;

import dev.netchat.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database side of presence: which node holds sockets of which user (cluster-wide presence, see
 * {@link OnlineUsers}), who shares a small channel with whom, and when a user was last active.
 */
@Stateless
public class PresenceService {

    /** Rows per statement for IN lists: well inside every database's limit on bind parameters. */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @Inject
    UserRepository users;

    /**
     * Presence goes only through channels of at most this many members. In a room of n members a wave of
     * arrivals costs n² frames; clients show presence in direct and group conversations, and read {@code online}
     * from member lists elsewhere.
     */
    @Inject
    @ConfigProperty(name = "netchat.presence.max-channel-members", defaultValue = "50")
    int maxChannelMembers;

    /**
     * The members of every channel of at most {@code netchat.presence.max-channel-members} members that one of
     * the given users belongs to, by channel. One statement per {@value #CHUNK} users and no DISTINCT: the caller
     * works out who shares a channel with whom, so a round of presence changes costs one query instead of a
     * self-join per connecting socket.
     */
    public Map<String, Set<String>> membersOfSmallChannelsOf(Collection<String> userIds) {
        Map<String, Set<String>> members = new HashMap<>();
        for (List<String> chunk : chunks(userIds)) {
            for (Object[] row : em.createQuery("select other.channelId, other.userId from ChannelMember other "
                            + "join Channel c on c.id = other.channelId "
                            + "where c.memberCount <= :max "
                            + "and other.channelId in (select mine.channelId from ChannelMember mine where mine.userId in :users)",
                            Object[].class)
                    .setParameter("max", maxChannelMembers)
                    .setParameter("users", chunk)
                    .getResultList()) {
                // A set: a channel can come back from two chunks.
                members.computeIfAbsent((String) row[0], k -> new HashSet<>()).add((String) row[1]);
            }
        }
        return members;
    }

    /** Records that the users were active at the given time: one UPDATE per {@value #CHUNK} users, one transaction. */
    public void recordActivity(Collection<String> userIds, Instant at) {
        for (List<String> chunk : chunks(userIds)) {
            em.createQuery("update UserAccount u set u.lastActiveAt = :at where u.id in :ids")
                    .setParameter("at", at)
                    .setParameter("ids", chunk)
                    .executeUpdate();
        }
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** True when the account exists and may be used. */
    public boolean active(String userId) {
        return users.find(userId).map(u -> !u.isDisabled()).orElse(false);
    }

    public boolean isMember(String channelId, String userId) {
        return !em.createQuery("select m.userId from ChannelMember m where m.channelId = :c and m.userId = :u", String.class)
                .setParameter("c", channelId)
                .setParameter("u", userId)
                .getResultList()
                .isEmpty();
    }

    public List<String> memberIds(String channelId) {
        return em.createQuery("select m.userId from ChannelMember m where m.channelId = :c", String.class)
                .setParameter("c", channelId)
                .getResultList();
    }

    /** A node whose heartbeat is older than this is taken for dead: its sockets no longer make anybody online. */
    static final int LIVE_SECONDS = 15;

    /** The given users who have a socket on a live node (other than {@code exceptNode} when it is set). */
    public Set<String> onlineAnywhere(Collection<String> userIds) {
        return onlineOn(userIds, null);
    }

    public Set<String> onlineOnOtherNodes(String nodeId, Collection<String> userIds) {
        return onlineOn(userIds, nodeId);
    }

    @SuppressWarnings("unchecked")
    private Set<String> onlineOn(Collection<String> userIds, String exceptNode) {
        Set<String> online = new HashSet<>();
        Instant fresh = Instant.now().minusSeconds(LIVE_SECONDS);
        for (List<String> chunk : chunks(userIds)) {
            var query = em.createNativeQuery("select distinct s.user_id from presence_sockets s join presence_nodes n "
                            + "on n.node_id = s.node_id where n.seen_at > ?1 and s.user_id in (?2)"
                            + (exceptNode == null ? "" : " and s.node_id <> ?3"))
                    .setParameter(1, fresh)
                    .setParameter(2, chunk);
            if (exceptNode != null) {
                query.setParameter(3, exceptNode);
            }
            for (Object id : query.getResultList()) {
                online.add((String) id);
            }
        }
        return online;
    }

    public int onlineUserCount() {
        return ((Number) em.createNativeQuery("select count(distinct s.user_id) from presence_sockets s join presence_nodes n "
                        + "on n.node_id = s.node_id where n.seen_at > ?1")
                .setParameter(1, Instant.now().minusSeconds(LIVE_SECONDS))
                .getSingleResult()).intValue();
    }

    /**
     * This node is alive; nodes silent for a minute are removed with their sockets. Answers false when this
     * node's row was not there (its first heartbeat, or another node took it for dead, see {@link #claimDeadNodes}).
     */
    public boolean heartbeat(String nodeId) {
        Instant now = Instant.now();
        int updated = em.createNativeQuery("update presence_nodes set seen_at = ?1 where node_id = ?2")
                .setParameter(1, now).setParameter(2, nodeId).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into presence_nodes (node_id, seen_at) values (?1, ?2)")
                    .setParameter(1, nodeId).setParameter(2, now).executeUpdate();
        }
        em.createNativeQuery("delete from presence_nodes where seen_at < ?1")
                .setParameter(1, now.minusSeconds(4L * LIVE_SECONDS)).executeUpdate();
        return updated > 0;
    }

    /** Users who went offline because the node that held their sockets died, and when that node was last seen. */
    public record DeadNodeUsers(Instant lastSeen, Set<String> offline) {}

    /**
     * Takes over the nodes whose heartbeat is older than {@value #LIVE_SECONDS} s: each is deleted (its socket rows
     * go with it) by exactly one live node, the one whose DELETE removed the row, so a dead node's users are
     * announced offline once however many nodes sweep. Answers, per claimed node, its users who are not online on
     * any live node (a user who already reconnected elsewhere never went offline). The database, not the JGroups
     * view, decides: it is what {@link #onlineAnywhere} reads, and it works the same on one node and on Payara.
     */
    @SuppressWarnings("unchecked")
    public List<DeadNodeUsers> claimDeadNodes(String selfNodeId) {
        Instant fresh = Instant.now().minusSeconds(LIVE_SECONDS);
        List<Object[]> stale = em.createNativeQuery("select node_id, seen_at from presence_nodes where seen_at <= ?1 and node_id <> ?2 order by node_id")
                .setParameter(1, fresh).setParameter(2, selfNodeId).getResultList();
        List<DeadNodeUsers> claimed = new ArrayList<>();
        for (Object[] row : stale) {
            String nodeId = (String) row[0];
            Set<String> users = new HashSet<>();
            for (Object id : em.createNativeQuery("select user_id from presence_sockets where node_id = ?1")
                    .setParameter(1, nodeId).getResultList()) {
                users.add((String) id);
            }
            int deleted = em.createNativeQuery("delete from presence_nodes where node_id = ?1 and seen_at <= ?2")
                    .setParameter(1, nodeId).setParameter(2, fresh).executeUpdate();
            if (deleted == 0 || users.isEmpty()) {
                continue; // another node claimed it, or it came back, or it held nobody
            }
            users.removeAll(onlineAnywhere(users));
            claimed.add(new DeadNodeUsers(instant(row[1]), users));
        }
        return claimed;
    }

    /** Writes which users this node now holds sockets of (true) or no longer does (false). */
    public void recordSockets(String nodeId, Map<String, Boolean> changes) {
        heartbeat(nodeId);
        List<String> came = changes.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        for (List<String> chunk : chunks(changes.keySet())) {
            em.createNativeQuery("delete from presence_sockets where node_id = ?1 and user_id in (?2)")
                    .setParameter(1, nodeId).setParameter(2, chunk).executeUpdate();
        }
        for (String userId : came) {
            em.createNativeQuery("insert into presence_sockets (node_id, user_id) values (?1, ?2)")
                    .setParameter(1, nodeId).setParameter(2, userId).executeUpdate();
        }
    }

    /** A native query's timestamp, whichever Java type the driver and Hibernate chose for it. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.now();
    }

    /** This node is going away: its sockets stop counting now rather than when its heartbeat goes stale. */
    public void forgetNode(String nodeId) {
        em.createNativeQuery("delete from presence_nodes where node_id = ?1").setParameter(1, nodeId).executeUpdate();
    }
}
