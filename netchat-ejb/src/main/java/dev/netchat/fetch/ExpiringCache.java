package dev.netchat.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory cache of fetch results on one node: at most {@code capacity} entries (the least recently used
 * goes first), each kept for the time it was put with. Fetches are slow and other hosts should not be asked the
 * same thing by every viewer; a bounded map keeps a flood of distinct URLs from growing the heap.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant until) {}

    private final Map<K, Entry<V>> entries;

    public ExpiringCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<V> get(K key) {
        Entry<V> hit = entries.get(key);
        if (hit == null) {
            return Optional.empty();
        }
        if (!hit.until().isAfter(Instant.now())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(hit.value());
    }

    public synchronized void put(K key, V value, Duration keep) {
        entries.put(key, new Entry<>(value, Instant.now().plus(keep)));
    }
}
