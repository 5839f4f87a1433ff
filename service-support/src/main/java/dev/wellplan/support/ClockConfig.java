package dev.wellplan.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.validation.constraints.DecimalMin;

import dev.wellplan.contract.time.AcceleratedClock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The one place a service reads the time from, under {@code wellplan.clock}. The local stack and the tests
 * may run it faster, from an origin both services share, so that a four-week plan plays out in minutes;
 * any other profile refuses a speed above 1 at startup.
 */
@ConfigMapping(prefix = "wellplan.clock")
public interface ClockConfig {

    /** How many times faster than real time the services' clock runs (local and test profiles only). */
    @WithDefault("1")
    @DecimalMin("1")
    double speed();

    /** The real instant the fast clock starts from; both services get the same one. */
    Optional<Instant> origin();

    /** The time the fast clock shows at its origin (by default the origin itself). */
    Optional<Instant> start();

    @ApplicationScoped
    class Producer {

        @Produces
        @ApplicationScoped
        Clock clock(ClockConfig config) {
            return AcceleratedClock.select(config.speed(), config.origin().orElse(null), config.start().orElse(null),
                    ConfigUtils.getProfiles());
        }

        /** Fails the start, not the first request, when the clock is misconfigured. */
        void checkAtStartup(@Observes StartupEvent started, Clock clock) {
            clock.instant();
        }
    }
}
