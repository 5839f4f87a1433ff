package dev.wellplan.notifier.reminder.schedule;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reminder timing, under {@code wellplan.reminders}. */
@ConfigMapping(prefix = "wellplan.reminders")
public interface ReminderPolicyConfig {

    /** How long before a massage session its reminder goes out. */
    @WithDefault("PT24H")
    Duration massageLead();

    /** A reminder that would fall in quiet hours goes out this long before they begin. */
    @WithDefault("PT15M")
    Duration quietHoursMargin();

    @ApplicationScoped
    class Producer {
        @Produces
        @ApplicationScoped
        ReminderPolicy policy(ReminderPolicyConfig config) {
            return new ReminderPolicy(config.massageLead(), config.quietHoursMargin());
        }
    }
}
