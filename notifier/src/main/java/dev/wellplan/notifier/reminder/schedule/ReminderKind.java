package dev.wellplan.notifier.reminder.schedule;

import java.time.Duration;

/**
 * The reminders the notifier sends (product.md, "Reminders the notifier sends"), each with its
 * grace window: how late it may still go out after downtime before it is skipped as stale.
 */
public enum ReminderKind {
    WELCOME(Duration.ofDays(2)),
    AWAITING_CLEARANCE(Duration.ofDays(7)),
    /** Useful until the session itself, a day after it is due. */
    MASSAGE_DAY_BEFORE(Duration.ofHours(23)),
    AFTERCARE(Duration.ofHours(3)),
    CHECK_IN(Duration.ofHours(12)),
    STRENGTH_DAY(Duration.ofHours(8)),
    SELF_MASSAGE(Duration.ofHours(3)),
    PLAN_CHANGED(Duration.ofDays(2)),
    PLAN_CANCELLED(Duration.ofDays(2)),
    END_OF_PLAN(Duration.ofDays(7));

    private final Duration grace;

    ReminderKind(Duration grace) {
        this.grace = grace;
    }

    /** How late this reminder may still be sent. */
    public Duration grace() {
        return grace;
    }
}
