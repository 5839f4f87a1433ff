package dev.wellplan.planner.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.wellplan.contract.time.AcceleratedClock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The one place the planner reads the time from. The local stack may run it faster
 * ({@code wellplan.clock.speed}, from a shared {@code wellplan.clock.origin}); production cannot.
 */
@ApplicationScoped
public class TimeConfig {

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "wellplan.clock.speed", defaultValue = "1") double speed,
                @ConfigProperty(name = "wellplan.clock.origin") Optional<Instant> origin,
                @ConfigProperty(name = "wellplan.clock.start") Optional<Instant> start) {
        return AcceleratedClock.select(speed, origin.orElse(null), start.orElse(null), ConfigUtils.getProfiles());
    }

    /** Fails the start, not the first request, when the clock is misconfigured. */
    void checkAtStartup(@Observes StartupEvent started, Clock clock) {
        clock.instant();
    }
}
