package dev.wellplan.reminders;

import java.time.Duration;

/**
 * The reminders the notifier sends (product.md, "Reminders the notifier sends"), each with its
 * grace window (how late it may still go out after downtime before it is skipped as stale) and the
 * plan statuses it may go out in (invariant 3).
 */
public enum ReminderKind {
    WELCOME(Duration.ofDays(2), Scope.PLAN),
    AWAITING_CLEARANCE(Duration.ofDays(7), Scope.PLAN),
    /** Useful until the session itself, a day after it is due. */
    MASSAGE_DAY_BEFORE(Duration.ofHours(23), Scope.ITEM),
    AFTERCARE(Duration.ofHours(3), Scope.ITEM),
    CHECK_IN(Duration.ofHours(12), Scope.ITEM),
    STRENGTH_DAY(Duration.ofHours(8), Scope.ITEM),
    SELF_MASSAGE(Duration.ofHours(3), Scope.ITEM),
    PLAN_CHANGED(Duration.ofDays(2), Scope.PLAN),
    PLAN_CANCELLED(Duration.ofDays(2), Scope.PLAN),
    END_OF_PLAN(Duration.ofDays(7), Scope.ITEM);

    /** The plan status in which item reminders go out; any other status, known or new, is quiet. */
    public static final String ACTIVE = "ACTIVE";

    /** Whether a kind reminds of one plan item, or tells the client about the plan as a whole. */
    private enum Scope { ITEM, PLAN }

    private final Duration grace;
    private final Scope scope;

    ReminderKind(Duration grace, Scope scope) {
        this.grace = grace;
        this.scope = scope;
    }

    /** How late this reminder may still be sent. */
    public Duration grace() {
        return grace;
    }

    /** True for the notices about the plan as a whole (welcome, see a doctor, changed, cancelled). */
    public boolean planWide() {
        return scope == Scope.PLAN;
    }

    /**
     * Invariant 3: whether a reminder of this kind may go out while the plan is {@code status}. Welcome and
     * "plan changed" always; "see a doctor first" only while {@code AWAITING_CLEARANCE}; the cancellation
     * notice only when {@code CANCELLED}; every item reminder only while {@code ACTIVE}, so a massage
     * reminder never goes out while the plan is paused, cancelled or awaiting clearance.
     */
    public boolean allowedWhile(String status) {
        return switch (this) {
            case WELCOME, PLAN_CHANGED -> true;
            case AWAITING_CLEARANCE -> "AWAITING_CLEARANCE".equals(status);
            case PLAN_CANCELLED -> "CANCELLED".equals(status);
            default -> ACTIVE.equals(status);
        };
    }

    /** The kind of a ledger row, or null for a name this build does not know. */
    public static ReminderKind named(String name) {
        for (ReminderKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
