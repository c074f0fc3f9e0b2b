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

/** The database side of presence: who shares a small channel with whom, and when a user was last active. */
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
}
