package dev.wellplan.notifier.links;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The client-facing side of the e-mails, under {@code wellplan.mail}: links, their signing, the calendar. */
@ConfigMapping(prefix = "wellplan.mail")
public interface MailConfig {

    /** Where clients reach this notifier: the base of the unsubscribe and preferences links in every e-mail. */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    /** Where clients reach the planner: the base of the calendar feed link in the welcome e-mail. */
    @WithDefault("http://localhost:8080")
    String plannerBaseUrl();

    /**
     * The HMAC-SHA256 secret that signs client links (unsubscribe, preferences, calendar feed), at least
     * 32 bytes. The planner checks calendar links with the same key, so both services get the same value
     * ({@code WELLPLAN_MAIL_LINK_SECRET}). No default: only the {@code local} and {@code test} profiles
     * have one, and the notifier refuses to start without it.
     */
    Optional<String> linkSecret();

    /** How long an unsubscribe or preferences link works after the e-mail that carries it was sent. */
    @WithDefault("P60D")
    Duration linkLifetime();

    /** How long the calendar feed link of the welcome e-mail works: calendar apps keep polling it. */
    @WithDefault("P400D")
    Duration calendarLinkLifetime();

    /** The ORGANIZER address of the calendar invitations attached to e-mails (a bare address). */
    @WithDefault("reminders@wellplan.local")
    String calendarOrganizer();
}
