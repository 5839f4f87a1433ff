package dev.wellplan.notifier.links;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The client-facing side of the e-mails, under {@code wellplan.mail}: where links lead, the calendar organizer. */
@ConfigMapping(prefix = "wellplan.mail")
public interface MailConfig {

    /** Where clients reach this notifier: the base of the unsubscribe and preferences links in every e-mail. */
    @WithDefault("http://localhost:8081")
    String publicBaseUrl();

    /** Where clients reach the planner: the base of the calendar feed link in the welcome e-mail. */
    @WithDefault("http://localhost:8080")
    String plannerBaseUrl();

    /** The ORGANIZER address of the calendar invitations attached to e-mails (a bare address). */
    @WithDefault("reminders@wellplan.local")
    String calendarOrganizer();
}
