package dev.wellplan.contract.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that runs {@code speed} times faster than {@code base} from {@code origin} on:
 * {@code now = start + (base.now - origin) * speed}, where {@code start} (by default the origin)
 * is the time it shows at the origin, and until then. The local stack gives both services the
 * same origin and speed, so they agree on the time and a four-week plan plays out in minutes.
 * It lives in the module both services share; the services refuse it outside the local and
 * test profiles.
 */
public final class AcceleratedClock extends Clock {

    private final Clock base;
    private final Instant origin;
    private final Instant start;
    private final double speed;
    private final ZoneId zone;

    public AcceleratedClock(Clock base, Instant origin, double speed) {
        this(base, origin, origin, speed, ZoneOffset.UTC);
    }

    public AcceleratedClock(Clock base, Instant origin, Instant start, double speed) {
        this(base, origin, start, speed, ZoneOffset.UTC);
    }

    private AcceleratedClock(Clock base, Instant origin, Instant start, double speed, ZoneId zone) {
        if (!(speed >= 1) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("clock speed must be a finite number of at least 1, was " + speed);
        }
        this.base = Objects.requireNonNull(base, "base");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.start = Objects.requireNonNull(start, "start");
        this.speed = speed;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The clock a service should use: the system clock at speed 1, otherwise an accelerated one,
     * which only the {@code local} and {@code test} profiles may ask for.
     *
     * @throws IllegalStateException when another profile asks for a faster clock
     */
    public static Clock select(double speed, Instant origin, java.util.Collection<String> profiles) {
        return select(speed, origin, null, profiles);
    }

    /** As {@link #select(double, Instant, java.util.Collection)}, showing {@code start} at the origin. */
    public static Clock select(double speed, Instant origin, Instant start, java.util.Collection<String> profiles) {
        if (speed == 1 && start == null) {
            return Clock.systemUTC();
        }
        if (!profiles.contains("local") && !profiles.contains("test")) {
            throw new IllegalStateException("wellplan.clock.speed=" + speed + " and wellplan.clock.start are for the local stack and tests only;"
                    + " the active profiles are " + profiles);
        }
        Instant o = origin == null ? Instant.now() : origin;
        return new AcceleratedClock(Clock.systemUTC(), o, start == null ? o : start, speed);
    }

    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        long elapsedNanos = java.time.Duration.between(origin, base.instant()).toNanos();
        // Before its origin the clock stands still at start: a test can set the origin a little ahead,
        // start its services, and have the fast time begin when it is ready for it.
        return elapsedNanos <= 0 ? start : start.plusNanos((long) (elapsedNanos * speed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AcceleratedClock(base, origin, start, speed, zone);
    }
}
