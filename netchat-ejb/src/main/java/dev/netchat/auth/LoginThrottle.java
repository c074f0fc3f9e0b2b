package dev.netchat.auth;

import dev.netchat.shared.TooManyRequestsException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits sign-in failures ({@link LoginLimits}) and sign-ups per client address. Counted in the database, so
 * every node of a cluster sees the same attempts: five failures spread over two nodes are five. Checks run
 * before any bcrypt work, so a refused attempt costs one indexed count.
 */
@Stateless
public class LoginThrottle {

    @PersistenceContext(unitName = "netchat")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-max-failures-per-user-and-address", defaultValue = "5")
    int maxPerUserAndAddress;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-max-failures-per-address", defaultValue = "20")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-max-failures-per-user", defaultValue = "10")
    int maxPerUser;

    @Inject
    @ConfigProperty(name = "netchat.auth.login-failure-window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "netchat.auth.signup-max-per-address", defaultValue = "10")
    int maxSignupsPerAddress;

    @Inject
    @ConfigProperty(name = "netchat.auth.signup-window", defaultValue = "PT1H")
    Duration signupWindow;

    /** Addresses exempt from the sign-up limit (an office's own gateway, a provisioning script). */
    @Inject
    @ConfigProperty(name = "netchat.auth.signup-unlimited-addresses", defaultValue = " ")
    String signupUnlimited;

    /** Throws when a limit refuses this sign-in attempt; says how long until the oldest counted failure ages out. */
    public void check(String username, String clientAddress) {
        String address = LoginLimits.address(clientAddress);
        Instant since = Instant.now().minus(window);
        long pair = count("select count(a) from AuthAttempt a where a.kind = :k and a.username = :u and a.clientAddress = :a and a.attemptedAt > :t",
                username, address, since);
        long fromAddress = count("select count(a) from AuthAttempt a where a.kind = :k and a.clientAddress = :a and a.attemptedAt > :t",
                null, address, since);
        long forUser = count("select count(a) from AuthAttempt a where a.kind = :k and a.username = :u and a.attemptedAt > :t",
                username, null, since);
        LoginLimits limits = new LoginLimits(maxPerUserAndAddress, maxPerAddress, maxPerUser);
        boolean familiar = forUser >= maxPerUser && familiar(username, address);
        String refusal = limits.refusal(new LoginLimits.Counts(pair, fromAddress, forUser, familiar));
        if (refusal != null) {
            long wait = window.toSeconds();
            throw new TooManyRequestsException("Too many failed sign-ins (" + refusal + "). Try again in " + wait + " seconds.", wait);
        }
    }

    /** Counted in its own transaction: the failed sign-in itself rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String username, String clientAddress) {
        em.persist(new AuthAttempt(AuthAttempt.LOGIN_FAILURE, username, clientAddress, Instant.now()));
    }

    /** A successful sign-in forgives that address's failures for the username (never the address's others). */
    public void recordSuccess(String username, String clientAddress) {
        em.createQuery("delete from AuthAttempt a where a.kind = :k and a.username = :u and a.clientAddress = :a")
                .setParameter("k", AuthAttempt.LOGIN_FAILURE)
                .setParameter("u", username)
                .setParameter("a", LoginLimits.address(clientAddress))
                .executeUpdate();
    }

    /** Throws when the address has signed up too many accounts lately; otherwise counts this sign-up. */
    public void signup(String clientAddress) {
        String address = LoginLimits.address(clientAddress);
        if (Set.of(signupUnlimited.strip().split("\\s*,\\s*")).contains(address)) {
            return;
        }
        long recent = em.createQuery("select count(a) from AuthAttempt a where a.kind = :k and a.clientAddress = :a and a.attemptedAt > :t", Long.class)
                .setParameter("k", AuthAttempt.SIGNUP)
                .setParameter("a", address)
                .setParameter("t", Instant.now().minus(signupWindow))
                .getSingleResult();
        if (recent >= maxSignupsPerAddress) {
            long wait = signupWindow.toSeconds();
            throw new TooManyRequestsException("Too many new accounts from this address. Try again in " + wait + " seconds.", wait);
        }
        em.persist(new AuthAttempt(AuthAttempt.SIGNUP, null, address, Instant.now()));
    }

    /** Removes attempts older than both windows; called by {@link SessionJanitor}. */
    public int purgeOld() {
        Duration longest = window.compareTo(signupWindow) > 0 ? window : signupWindow;
        return em.createQuery("delete from AuthAttempt a where a.attemptedAt < :t")
                .setParameter("t", Instant.now().minus(longest))
                .executeUpdate();
    }

    /** Whether the user has had a session from this address (its refresh tokens remember where they were issued). */
    private boolean familiar(String username, String address) {
        return em.createQuery("select count(t) from RefreshToken t, UserAccount u "
                        + "where u.id = t.userId and u.username = :u and t.clientAddress = :a", Long.class)
                .setParameter("u", username)
                .setParameter("a", address)
                .getSingleResult() > 0;
    }

    private long count(String jpql, String username, String address, Instant since) {
        var q = em.createQuery(jpql, Long.class).setParameter("k", AuthAttempt.LOGIN_FAILURE).setParameter("t", since);
        if (username != null) {
            q.setParameter("u", username);
        }
        if (address != null) {
            q.setParameter("a", address);
        }
        return q.getSingleResult();
    }
}
