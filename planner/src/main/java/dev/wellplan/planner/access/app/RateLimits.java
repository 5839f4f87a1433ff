package dev.wellplan.planner.access.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.wellplan.contract.EmailAddresses;
import dev.wellplan.planner.access.LimitsConfig;
import dev.wellplan.planner.access.store.RateLimitDao;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.Digests;
import dev.wellplan.support.TransactionHandles;

/**
 * The limits on what can make wellplan send e-mail: enrollments and fresh links per address and per client IP
 * address. Each is counted in the database (every planner instance sees the same count), under a hash of the
 * address. Per e-mail address, exactly (the last day's requests), inside the caller's transaction: a request that is
 * refused, or that fails later, counts for nothing. Per client IP address, in fixed windows, in a transaction of its
 * own that commits at once: every anonymous attempt counts, and one busy address does not hold the others' requests
 * behind its lock (a window's edge may let up to twice the limit through within one window's time).
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimitDao events;
    private final LimitsConfig config;
    private final Clock clock;

    public RateLimits(TransactionHandles handles, LimitsConfig config, Clock clock) {
        this.events = handles.onDemand(RateLimitDao.class);
        this.config = config;
        this.clock = clock;
    }

    /** An enrollment for {@code email}: at most {@code enrollments-per-address} a day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enrollment(String email) {
        take("enrollment-address", EmailAddresses.normalize(email), config.enrollmentsPerAddress(),
                config.addressWindow(), "this address has been enrolled too often today");
    }

    /** A fresh link by e-mail for {@code email}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accessLink(String email) {
        take("access-link-address", EmailAddresses.normalize(email), config.accessLinksPerAddress(),
                config.addressWindow(), "links for this address have been asked for too often today");
    }

    /**
     * An anonymous request from {@code ipAddress} (an enrollment or a fresh link); none without an address. Call it
     * before the request's own transaction begins: inside one, it would hold a second database connection while the
     * first waits, and as many concurrent requests as the pool has connections would wait on each other.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void anonymousRequest(String ipAddress) {
        if (ipAddress == null) {
            return;
        }
        String kind = "request-ip";
        String key = hash(kind, ipAddress);
        Instant now = clock.instant();
        long windowMillis = config.ipWindow().toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        int count = events.countInWindow(kind, key, start);
        if (count == 1) {
            events.forgetWindowsBefore(kind, key, start);
        }
        if (count > config.requestsPerIp()) {
            throw new Refusal.TooMany("too many requests from this address",
                    Duration.between(now, start.plus(config.ipWindow())).plusSeconds(1));
        }
    }

    private void take(String kind, String rawKey, int max, Duration window, String why) {
        String key = hash(kind, rawKey);
        Instant now = clock.instant();
        events.lock(kind, key);
        List<Instant> recent = events.since(kind, key, now.minus(window));
        if (recent.size() >= max) {
            Instant frees = recent.get(recent.size() - max).plus(window);
            throw new Refusal.TooMany(why, Duration.between(now, frees).plusSeconds(1));
        }
        events.forget(kind, key, now.minus(window));
        events.record(kind, key, now);
    }

    /** The table holds no address: a hash, salted with the kind so one key cannot be matched across kinds. */
    private static String hash(String kind, String rawKey) {
        return Digests.sha256Hex(kind, rawKey);
    }
}
