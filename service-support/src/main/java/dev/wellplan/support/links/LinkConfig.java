package dev.wellplan.support.links;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.wellplan.calendar.SignedLinks;
import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The signed links a client follows from an e-mail without signing in, under {@code wellplan.links}: the
 * notifier signs them, both services check them, so both read this one mapping.
 */
@ConfigMapping(prefix = "wellplan.links")
public interface LinkConfig {

    /**
     * The HMAC-SHA256 secret of client links, at least 32 bytes, the same on both services
     * ({@code WELLPLAN_LINKS_SECRET}). No default: only the {@code local} and {@code test} profiles have one,
     * and a service refuses to start without it.
     */
    Optional<String> secret();

    /** How long an unsubscribe or preferences link works after the e-mail that carries it was sent. */
    @WithDefault("P60D")
    Duration lifetime();

    /** How long the calendar feed link of the welcome e-mail works: calendar apps keep polling it. */
    @WithDefault("P400D")
    Duration calendarLifetime();

    @ApplicationScoped
    class Producer {

        /** Built at startup: a missing or short secret stops the service with a message that says how to fix it. */
        @Produces
        @Startup
        @ApplicationScoped
        SignedLinks signedLinks(LinkConfig config) {
            return SignedLinks.fromConfiguredSecret(config.secret());
        }
    }
}
