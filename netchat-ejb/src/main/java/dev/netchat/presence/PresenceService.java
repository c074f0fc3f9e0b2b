package dev.netchat.presence;

import dev.netchat.user.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The database side of presence: who shares a channel with whom, and when a user was last active. */
@Stateless
public class PresenceService {

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    @Inject
    UserRepository users;

    /** Every user who shares at least one channel with the user (not the user itself). */
    public List<String> coMemberIds(String userId) {
        return em.createQuery("select distinct other.userId from ChannelMember mine, ChannelMember other "
                        + "where mine.userId = :u and other.channelId = mine.channelId and other.userId <> :u", String.class)
                .setParameter("u", userId)
                .getResultList();
    }

    /** Records activity now and answers the time recorded; null for an unknown user. */
    public Instant touch(String userId) {
        Instant now = Instant.now();
        return users.find(userId).map(u -> {
            u.setLastActiveAt(now);
            return now;
        }).orElse(null);
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
