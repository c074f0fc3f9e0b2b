package dev.netchat.user;

import dev.netchat.event.AccountChanged;
import dev.netchat.event.RealtimeBus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Whether an account may act right now, checked on every authenticated call. A valid token outlives a
 * disablement by up to its lifetime, so tokens alone cannot say; the answer is cached briefly and dropped at
 * once, on every node of the cluster, when the account changes: {@link #forget} drops it here and announces the
 * change on the realtime bus after commit (the bus, not a replicated cache: the cache is per node and small, and
 * every node already listens to the bus), and every node drops it again when the announcement arrives.
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

    @Inject
    UserRepository users;

    public Status of(String userId) {
        long now = System.currentTimeMillis();
        Status cached = cache.get(userId);
        if (cached != null && now - cached.checkedAt() < TTL_MILLIS) {
            return cached;
        }
        Status status = users.access(userId)
                .map(a -> new Status(true, !a.disabled(), a.role() == Role.ADMIN, a.mustChangePassword(), now))
                .orElseGet(() -> new Status(false, false, false, false, now));
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(userId, status);
        return status;
    }

    @Inject
    RealtimeBus bus;

    /** The account changed (in the current transaction, if any): forgotten here now and on every node after commit. */
    public void forget(String userId) {
        cache.remove(userId);
        bus.accountChanged(userId);
    }

    void onAccountChanged(@Observes AccountChanged changed) {
        cache.remove(changed.userId());
    }
}
