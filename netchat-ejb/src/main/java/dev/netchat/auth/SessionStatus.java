package dev.netchat.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a sign-in session (the access token's {@code sid}, a refresh-token family) is still alive: it is as
 * long as one of its refresh tokens is neither revoked nor expired. Logout, a password change, a reused
 * refresh token and an admin revoke the family in the database, so every node sees the end. The answer is
 * cached for a short time (default 2 s) and dropped at once when this node ends a session, so a token stops
 * working everywhere within seconds instead of at its expiry.
 */
@ApplicationScoped
public class SessionStatus {

    private static final int MAX_CACHED = 200_000;
    private static final int BATCH = 500;

    private record Known(boolean active, long checkedAt) {}

    private final ConcurrentMap<String, Known> cache = new ConcurrentHashMap<>();
    private final long ttlMillis;

    @Inject
    SessionLookup lookup;

    @Inject
    public SessionStatus(
            @ConfigProperty(name = "netchat.auth.session-check-interval", defaultValue = "PT2S") Duration ttl) {
        this.ttlMillis = Math.max(0, ttl.toMillis());
    }

    /** For CDI's proxy only. */
    protected SessionStatus() {
        this.ttlMillis = 2000;
    }

    /** Whether the session may still act; a token without a session id never may. */
    public boolean active(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 36) {
            return false;
        }
        long now = System.currentTimeMillis();
        Known known = cache.get(sessionId);
        if (known != null && now - known.checkedAt() < ttlMillis) {
            return known.active();
        }
        try {
            return activeAmong(List.of(sessionId)).contains(sessionId);
        } catch (PersistenceException e) {
            // The database is away: keep the last answer rather than end every session; without one, fail.
            if (known != null) {
                return known.active();
            }
            throw e;
        }
    }

    /** The sessions among these that are still alive, read from the database in batches (one query per 500). */
    public Set<String> activeAmong(Collection<String> sessionIds) {
        Set<String> alive = new HashSet<>();
        List<String> all = new ArrayList<>(new HashSet<>(sessionIds));
        long now = System.currentTimeMillis();
        for (int i = 0; i < all.size(); i += BATCH) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + BATCH));
            alive.addAll(lookup.alive(new ArrayList<>(batch), Instant.ofEpochMilli(now)));
        }
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        for (String id : all) {
            cache.put(id, new Known(alive.contains(id), now));
        }
        return alive;
    }

    /** Sessions ended on this node and committed: the next call reads the database. */
    void onSessionsEnded(
            @jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                    dev.netchat.event.SessionsEnded event) {
        forgetAll();
    }

    /** This node just ended sessions: forget every cached answer so that the next call reads the database. */
    public void forgetAll() {
        cache.clear();
    }
}
