package dev.wellplan.planner.access.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a sign-in path remembers of a login for a fixed time, so that it need not ask bcrypt or the database on every
 * request: an entry is found until it expires or is forgotten. Bounded: past {@link #MAX_ENTRIES}, expired entries go
 * first and then everything, which costs a sign-in path one slow request per login, never a wrong answer.
 */
final class RecentLogins<V> {

    /** Enough for every coach of a large clinic. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final Map<String, Entry<V>> byLogin = new ConcurrentHashMap<>();
    private final long ttlNanos;

    /** @param ttl how long an entry is found; zero or less remembers nothing */
    RecentLogins(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** The value remembered for this login within the time, or null. */
    V find(String login) {
        Entry<V> entry = byLogin.get(login);
        return entry == null || entry.expiresAtNanos() - System.nanoTime() < 0 ? null : entry.value();
    }

    void remember(String login, V value) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byLogin.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            byLogin.values().removeIf(e -> e.expiresAtNanos() - now < 0);
            if (byLogin.size() >= MAX_ENTRIES) {
                byLogin.clear();
            }
        }
        byLogin.put(login, new Entry<>(value, System.nanoTime() + ttlNanos));
    }

    void forget(String login) {
        byLogin.remove(login);
    }
}
