package dev.wellplan.support;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import dev.wellplan.reminders.ReminderPolicy;

/**
 * Reminder timing, under {@code wellplan.reminders}: the notifier schedules by it and the planner's preview
 * shows it, so both services must be given the same values.
 */
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
