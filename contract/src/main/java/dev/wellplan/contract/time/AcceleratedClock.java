package dev.wellplan.contract.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that runs {@code speed} times faster than {@code base} from {@code origin} on:
 * {@code now = origin + (base.now - origin) * speed}. The local stack gives both services the
 * same origin and speed, so they agree on the time and a four-week plan plays out in minutes.
 * It lives in the module both services share; the services refuse it outside the local and
 * test profiles.
 */
public final class AcceleratedClock extends Clock {

    private final Clock base;
    private final Instant origin;
    private final double speed;
    private final ZoneId zone;

    public AcceleratedClock(Clock base, Instant origin, double speed) {
        this(base, origin, speed, ZoneOffset.UTC);
    }

    private AcceleratedClock(Clock base, Instant origin, double speed, ZoneId zone) {
        if (!(speed >= 1) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("clock speed must be a finite number of at least 1, was " + speed);
        }
        this.base = Objects.requireNonNull(base, "base");
        this.origin = Objects.requireNonNull(origin, "origin");
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
        if (speed == 1) {
            return Clock.systemUTC();
        }
        if (!profiles.contains("local") && !profiles.contains("test")) {
            throw new IllegalStateException("wellplan.clock.speed=" + speed + " is for the local stack and tests only;"
                    + " the active profiles are " + profiles);
        }
        return new AcceleratedClock(Clock.systemUTC(), origin == null ? Instant.now() : origin, speed);
    }

    public double speed() {
        return speed;
    }

    @Override
    public Instant instant() {
        long elapsedNanos = java.time.Duration.between(origin, base.instant()).toNanos();
        return origin.plusNanos((long) (elapsedNanos * speed));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new AcceleratedClock(base, origin, speed, zone);
    }
}
