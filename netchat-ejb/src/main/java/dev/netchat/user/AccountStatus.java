package dev.netchat.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Whether an account may act right now, checked on every authenticated call. A valid token outlives a
 * disablement by up to its lifetime, so tokens alone cannot say; the answer is cached briefly and dropped at
 * once when an admin changes the account on this node.
 */
@ApplicationScoped
public class AccountStatus {

    private static final long TTL_MILLIS = 5_000;

    /**
     * exists: the account is there; active: it may use NetChat; admin: its current role (tokens may carry an
     * older one); mustChangePassword: it may only change the password (after an admin reset).
     */
    public record Status(boolean exists, boolean active, boolean admin, boolean mustChangePassword, long checkedAt) {}

    private final ConcurrentMap<String, Status> cache = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "netchat")
    private EntityManager em;

    public Status of(String userId) {
        long now = System.currentTimeMillis();
        Status cached = cache.get(userId);
        if (cached != null && now - cached.checkedAt() < TTL_MILLIS) {
            return cached;
        }
        List<Object[]> rows = em.createQuery(
                        "select u.disabled, u.mustChangePassword, u.role from UserAccount u where u.id = :id", Object[].class)
                .setParameter("id", userId)
                .getResultList();
        Status status = rows.isEmpty()
                ? new Status(false, false, false, false, now)
                : new Status(true, !(Boolean) rows.get(0)[0], rows.get(0)[2] == Role.ADMIN, (Boolean) rows.get(0)[1], now);
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(userId, status);
        return status;
    }

    public void forget(String userId) {
        cache.remove(userId);
    }
}
