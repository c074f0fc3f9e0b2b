package dev.netchat.presence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open sockets per user, kept by the socket hub; services read it to fill {@code online}. */
@ApplicationScoped
public class PresenceRegistry {

    private final ConcurrentMap<String, AtomicInteger> sockets = new ConcurrentHashMap<>();

    /** Counts a new socket; true when it is the user's first (the user just came online). */
    public boolean connected(String userId) {
        boolean[] first = {false};
        sockets.compute(userId, (k, n) -> {
            if (n == null) {
                first[0] = true;
                return new AtomicInteger(1);
            }
            n.incrementAndGet();
            return n;
        });
        return first[0];
    }

    /** Counts a closed socket; true when it was the user's last (the user just went offline). */
    public boolean disconnected(String userId) {
        boolean[] last = {false};
        sockets.computeIfPresent(userId, (k, n) -> {
            if (n.decrementAndGet() <= 0) {
                last[0] = true;
                return null;
            }
            return n;
        });
        return last[0];
    }

    public boolean isOnline(String userId) {
        return sockets.containsKey(userId);
    }

    public int onlineUsers() {
        return sockets.size();
    }

    public int openSockets() {
        return sockets.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public Set<String> onlineUserIds() {
        return Set.copyOf(sockets.keySet());
    }
}
