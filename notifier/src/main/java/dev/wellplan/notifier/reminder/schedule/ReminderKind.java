package dev.wellplan.notifier.reminder.schedule;

/** The reminders the notifier sends (product.md, "Reminders the notifier sends"). */
public enum ReminderKind {
    WELCOME,
    AWAITING_CLEARANCE,
    MASSAGE_DAY_BEFORE,
    AFTERCARE,
    CHECK_IN,
    STRENGTH_DAY,
    SELF_MASSAGE,
    PLAN_CHANGED,
    PLAN_CANCELLED,
    END_OF_PLAN
}
