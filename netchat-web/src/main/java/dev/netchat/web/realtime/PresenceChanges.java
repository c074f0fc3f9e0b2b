package dev.netchat.web.realtime;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Presence transitions waiting for the hub's next announcement round. Sockets opening and closing only record
 * the user's latest state here (cheap, never blocks on the database); a round then announces each user whose
 * state differs from what was last announced, once, however often the user flapped in between.
 *
 * <p>{@link #record} may be called from any thread; {@link #drain}, {@link #announced} and {@link #restore} are
 * called by the one thread that runs the rounds.
 */
final class PresenceChanges {

    /** A user to announce, with the state to announce. */
    record Change(String userId, boolean online) {}

    /**
     * One round: {@code active} are all users who opened or closed a socket since the last round (their last
     * activity is now), {@code changes} those whose announced state changes.
     */
    record Round(Map<String, Boolean> active, List<Change> changes) {
        boolean isEmpty() {
            return active.isEmpty();
        }
    }

    private final Map<String, Boolean> pending = new LinkedHashMap<>();
    /** Users last announced as online; only the round thread touches it. */
    private final Set<String> announcedOnline = new HashSet<>();

    /** The user's state now: true when the first socket opened, false when the last one closed. */
    synchronized void record(String userId, boolean online) {
        pending.put(userId, online);
    }

    synchronized int pending() {
        return pending.size();
    }

    /** Takes everything recorded so far. Nothing counts as announced until {@link #announced}. */
    Round drain() {
        Map<String, Boolean> active;
        synchronized (this) {
            if (pending.isEmpty()) {
                return new Round(Map.of(), List.of());
            }
            active = new LinkedHashMap<>(pending);
            pending.clear();
        }
        List<Change> changes = new ArrayList<>();
        active.forEach((userId, online) -> {
            // Came and went (or went and came back) within one round: nobody needs to hear about it.
            if (online != announcedOnline.contains(userId)) {
                changes.add(new Change(userId, online));
            }
        });
        return new Round(active, changes);
    }

    /** The round's changes went out. */
    void announced(Round round) {
        for (Change change : round.changes()) {
            if (change.online()) {
                announcedOnline.add(change.userId());
            } else {
                announcedOnline.remove(change.userId());
            }
        }
    }

    /** The round could not be announced (the database was unreachable): try it again next round, unless newer. */
    synchronized void restore(Round round) {
        round.active().forEach(pending::putIfAbsent);
    }
}
