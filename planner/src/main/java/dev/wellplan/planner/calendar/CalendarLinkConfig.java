package dev.wellplan.planner.calendar;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The planner's side of the client links, under the same key as the notifier's ({@code wellplan.mail}):
 * the notifier signs the calendar link of the welcome e-mail, the planner checks it.
 */
@ConfigMapping(prefix = "wellplan.mail")
public interface CalendarLinkConfig {

    /**
     * The HMAC-SHA256 secret of client links, at least 32 bytes, the same value as the notifier's
     * ({@code WELLPLAN_MAIL_LINK_SECRET}). No default: only the {@code local} and {@code test} profiles
     * have one, and the planner refuses to start without it.
     */
    Optional<String> linkSecret();
}
