package dev.netchat.user;

import dev.netchat.shared.InLists;
import dev.netchat.shared.LikePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Users in the database. Joins the caller's transaction. */
@ApplicationScoped
public class UserRepository {

    /** What decides whether an account may act now (read on every authenticated call, so three columns only). */
    public record Access(boolean disabled, boolean mustChangePassword, Role role) {}

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    public Optional<UserAccount> find(String id) {
        return Optional.ofNullable(em.find(UserAccount.class, id));
    }

    public Optional<UserAccount> findByUsername(String normalizedUsername) {
        return em.createQuery("select u from UserAccount u where u.username = :username", UserAccount.class)
                .setParameter("username", normalizedUsername)
                .getResultStream()
                .findFirst();
    }

    /**
     * Records {@code userId} as the installation's first account (its administrator), in the caller's transaction.
     * A second sign-up that also found the installation empty fails here on the one row's key (a constraint
     * violation, answered 409), so an installation never gets two first accounts.
     */
    public void recordFirstAccount(String userId, java.time.Instant at) {
        em.createNativeQuery("insert into installation_first_account (id, user_id, created_at) values (1, ?1, ?2)")
                .setParameter(1, userId)
                .setParameter(2, at)
                .executeUpdate();
    }

    public boolean any() {
        return !em.createQuery("select u.id from UserAccount u", String.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Users whose username or full name contains the text, ignoring case; ordered by username. */
    public List<UserAccount> search(String text, int limit) {
        return search(text, limit, "");
    }

    /** Active users matching the text, by username, after the given username (the directory's next page). */
    public List<UserAccount> search(String text, int limit, String afterUsername) {
        String pattern = LikePattern.containing(text);
        return em.createQuery(
                        "select u from UserAccount u where u.disabled = false and u.username > :after "
                                + "and (u.username like :p escape '\\' "
                                + "or lower(u.fullName) like :p escape '\\') order by u.username",
                        UserAccount.class)
                .setParameter("p", pattern)
                .setParameter("after", afterUsername == null ? "" : afterUsername)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The users with these ids, in one query. */
    public java.util.Map<String, UserAccount> findAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select u from UserAccount u where u.id in :ids", UserAccount.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(java.util.stream.Collectors.toMap(UserAccount::getId, u -> u));
    }

    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }

    public long countActiveAdmins() {
        return em.createQuery("select count(u) from UserAccount u where u.role = :r and u.disabled = false", Long.class)
                .setParameter("r", Role.ADMIN)
                .getSingleResult();
    }

    /** A page of all users (disabled ones too) whose username or full name contains the text. */
    public List<UserAccount> page(String text, int first, int max) {
        String pattern = LikePattern.containing(text);
        return em.createQuery(
                        "select u from UserAccount u where u.username like :p escape '\\' "
                                + "or lower(u.fullName) like :p escape '\\' order by u.username",
                        UserAccount.class)
                .setParameter("p", pattern)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public void remove(UserAccount user) {
        em.remove(user);
    }

    public void add(UserAccount user) {
        em.persist(user);
    }

    public Optional<Access> access(String userId) {
        return em.createQuery(
                        "select u.disabled, u.mustChangePassword, u.role from UserAccount u where u.id = :id",
                        Object[].class)
                .setParameter("id", userId)
                .getResultStream()
                .findFirst()
                .map(row -> new Access((Boolean) row[0], (Boolean) row[1], (Role) row[2]));
    }

    /** Records that the users were active at the given time: one UPDATE per {@value InLists#MAX} users. */
    public void recordActivity(Collection<String> userIds, Instant at) {
        for (List<String> chunk : InLists.of(userIds)) {
            em.createQuery("update UserAccount u set u.lastActiveAt = :at where u.id in :ids")
                    .setParameter("at", at)
                    .setParameter("ids", chunk)
                    .executeUpdate();
        }
    }

    /** The channel's members who could get an SMS: enabled accounts with a phone number whose SMS level is not off. */
    public List<UserAccount> smsCandidates(String channelId) {
        return em.createQuery(
                        "select u from UserAccount u where u.id in "
                                + "(select m.userId from ChannelMember m where m.channelId = :c) "
                                + "and u.phoneNumber is not null and u.disabled = false and u.smsNotifications <> :off",
                        UserAccount.class)
                .setParameter("c", channelId)
                .setParameter("off", SmsNotifications.OFF)
                .getResultList();
    }
}
