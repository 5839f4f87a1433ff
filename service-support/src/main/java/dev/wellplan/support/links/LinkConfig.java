package dev.wellplan.support.links;

import java.time.Duration;
import java.util.Map;
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
     * The HMAC-SHA256 key {@code default} of client links, at least 32 bytes, the same on both services
     * ({@code WELLPLAN_LINKS_SECRET}). No default: only the {@code local} and {@code test} profiles have one, and
     * a service refuses to start without any key.
     */
    Optional<String> secret();

    /**
     * More keys by id ({@code wellplan.links.keys.<id>}, env {@code WELLPLAN_LINKS_KEYS__<ID>_}), for rotation: add
     * a key here, make it the {@link #signingKey()}, and remove the old one once the links it signed have expired
     * (docs/operations.md, "Rotating the link key").
     */
    Map<String, String> keys();

    /** The id of the key new links are signed with: {@code default} is {@link #secret()}. */
    @WithDefault("default")
    String signingKey();

    /** How long a link to the plan, a check-in, unsubscribe or preferences works after the e-mail that carries it. */
    @WithDefault("P60D")
    Duration lifetime();

    /** How long the calendar feed link works: calendar apps keep polling it. */
    @WithDefault("P400D")
    Duration calendarLifetime();

    /** How long the link that confirms an enrollment works; an enrollment not confirmed by then expires. */
    @WithDefault("PT48H")
    Duration confirmLifetime();

    @ApplicationScoped
    class Producer {

        /** Built at startup: a missing or short key stops the service with a message that says how to fix it. */
        @Produces
        @Startup
        @ApplicationScoped
        SignedLinks signedLinks(LinkConfig config) {
            return SignedLinks.fromConfiguredKeys(config.secret(), config.keys(), config.signingKey());
        }
    }
}
