package dev.netchat.presence;

import dev.netchat.shared.InLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The presence tables: which node is alive (presence_nodes, its heartbeat) and which node holds sockets of which
 * user (presence_sockets). Plain SQL: the rows are bookkeeping, not entities. Joins the caller's transaction.
 */
@ApplicationScoped
public class PresenceRepository {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    /** A node whose heartbeat is older than this is taken for dead: its sockets no longer make anybody online. */
    static final int LIVE_SECONDS = 15;

    /** The given users who have a socket on a live node (other than {@code exceptNode} when it is set). */
    Set<String> onlineAnywhere(Collection<String> userIds) {
        return onlineOn(userIds, null);
    }

    Set<String> onlineOnOtherNodes(String nodeId, Collection<String> userIds) {
        return onlineOn(userIds, nodeId);
    }

    @SuppressWarnings("unchecked")
    private Set<String> onlineOn(Collection<String> userIds, String exceptNode) {
        Set<String> online = new HashSet<>();
        Instant fresh = Instant.now().minusSeconds(LIVE_SECONDS);
        for (List<String> chunk : InLists.of(userIds)) {
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

    int onlineUserCount() {
        return ((Number) em.createNativeQuery(
                                "select count(distinct s.user_id) from presence_sockets s join presence_nodes n "
                                        + "on n.node_id = s.node_id where n.seen_at > ?1")
                        .setParameter(1, Instant.now().minusSeconds(LIVE_SECONDS))
                        .getSingleResult())
                .intValue();
    }

    /**
     * This node is alive; nodes silent for a minute are removed with their sockets. Answers false when this
     * node's row was not there (its first heartbeat, or another node took it for dead, see {@link #claimDeadNodes}).
     */
    boolean heartbeat(String nodeId) {
        Instant now = Instant.now();
        int updated = em.createNativeQuery("update presence_nodes set seen_at = ?1 where node_id = ?2")
                .setParameter(1, now)
                .setParameter(2, nodeId)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into presence_nodes (node_id, seen_at) values (?1, ?2)")
                    .setParameter(1, nodeId)
                    .setParameter(2, now)
                    .executeUpdate();
        }
        em.createNativeQuery("delete from presence_nodes where seen_at < ?1")
                .setParameter(1, now.minusSeconds(4L * LIVE_SECONDS))
                .executeUpdate();
        return updated > 0;
    }

    /**
     * Takes over the nodes whose heartbeat is older than {@value #LIVE_SECONDS} s: each is deleted (its socket rows
     * go with it) by exactly one live node, the one whose DELETE removed the row, so a dead node's users are
     * announced offline once however many nodes sweep. Answers, per claimed node, its users who are not online on
     * any live node (a user who already reconnected elsewhere never went offline). The database, not the JGroups
     * view, decides: it is what {@link #onlineAnywhere} reads, and it works the same on one node and on Payara.
     */
    @SuppressWarnings("unchecked")
    List<DeadNodeUsers> claimDeadNodes(String selfNodeId) {
        Instant fresh = Instant.now().minusSeconds(LIVE_SECONDS);
        List<Object[]> stale = em.createNativeQuery(
                        "select node_id, seen_at from presence_nodes where seen_at <= ?1 and node_id <> ?2 order by node_id")
                .setParameter(1, fresh)
                .setParameter(2, selfNodeId)
                .getResultList();
        List<DeadNodeUsers> claimed = new ArrayList<>();
        for (Object[] row : stale) {
            String nodeId = (String) row[0];
            Set<String> users = new HashSet<>();
            for (Object id : em.createNativeQuery("select user_id from presence_sockets where node_id = ?1")
                    .setParameter(1, nodeId)
                    .getResultList()) {
                users.add((String) id);
            }
            int deleted = em.createNativeQuery("delete from presence_nodes where node_id = ?1 and seen_at <= ?2")
                    .setParameter(1, nodeId)
                    .setParameter(2, fresh)
                    .executeUpdate();
            if (deleted == 0 || users.isEmpty()) {
                continue; // another node claimed it, or it came back, or it held nobody
            }
            users.removeAll(onlineAnywhere(users));
            claimed.add(new DeadNodeUsers(instant(row[1]), users));
        }
        return claimed;
    }

    /** Writes which users this node now holds sockets of (true) or no longer does (false). */
    void recordSockets(String nodeId, Map<String, Boolean> changes) {
        heartbeat(nodeId);
        List<String> came = changes.entrySet().stream()
                .filter(Map.Entry::getValue)
                .map(Map.Entry::getKey)
                .toList();
        for (List<String> chunk : InLists.of(changes.keySet())) {
            em.createNativeQuery("delete from presence_sockets where node_id = ?1 and user_id in (?2)")
                    .setParameter(1, nodeId)
                    .setParameter(2, chunk)
                    .executeUpdate();
        }
        for (String userId : came) {
            em.createNativeQuery("insert into presence_sockets (node_id, user_id) values (?1, ?2)")
                    .setParameter(1, nodeId)
                    .setParameter(2, userId)
                    .executeUpdate();
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
    void forgetNode(String nodeId) {
        em.createNativeQuery("delete from presence_nodes where node_id = ?1")
                .setParameter(1, nodeId)
                .executeUpdate();
    }
}
