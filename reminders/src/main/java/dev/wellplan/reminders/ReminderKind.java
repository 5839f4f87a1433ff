package dev.wellplan.reminders;

import java.time.Duration;

/**
 * The reminders the notifier sends (product.md, "Reminders the notifier sends"), each with its
 * grace window (how late it may still go out after downtime before it is skipped as stale) and the
 * plan statuses it may go out in (invariant 3).
 */
public enum ReminderKind {
    /** The one e-mail an enrollment sends until its client confirms it: a link to the one-button confirmation page. */
    CONFIRMATION_REQUEST(Duration.ofDays(2), Scope.PLAN),
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
    END_OF_PLAN(Duration.ofDays(7), Scope.ITEM),
    /** Fresh links by e-mail, on the client's request: one per request, not derived from any plan version. */
    ACCESS_LINK(Duration.ofHours(1), Scope.REQUEST);

    /** The plan status in which item reminders go out; any other status, known or new, is quiet. */
    public static final String ACTIVE = "ACTIVE";
    /** An enrollment its client has not confirmed yet: only the request to confirm goes out. */
    public static final String PENDING_CONFIRMATION = "PENDING_CONFIRMATION";
    /** An enrollment never confirmed: nothing goes out, ever. */
    public static final String EXPIRED = "EXPIRED";

    /**
     * Whether a kind reminds of one plan item, tells the client about the plan as a whole, or answers a request
     * of theirs (such a reminder belongs to the request, not to a plan version: a new version leaves it alone).
     */
    private enum Scope { ITEM, PLAN, REQUEST }

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

    /** True for the notices about the plan as a whole (welcome, see a doctor, changed, cancelled, fresh links). */
    public boolean planWide() {
        return scope != Scope.ITEM;
    }

    /** True for a mail that answers a request of the client's, which no plan version asks for or cancels. */
    public boolean onRequest() {
        return scope == Scope.REQUEST;
    }

    /**
     * Invariant 3: whether a reminder of this kind may go out while the plan is {@code status}. The request to
     * confirm only while the enrollment waits for it, and nothing else then (invariant 8); welcome and "plan
     * changed" in any status of a confirmed plan; "see a doctor first" only while {@code AWAITING_CLEARANCE};
     * the cancellation notice only when {@code CANCELLED}; every item reminder only while {@code ACTIVE}, so a
     * massage reminder never goes out while the plan is paused, cancelled or awaiting clearance.
     */
    public boolean allowedWhile(String status) {
        return switch (this) {
            case CONFIRMATION_REQUEST -> PENDING_CONFIRMATION.equals(status);
            case WELCOME, PLAN_CHANGED, ACCESS_LINK -> !PENDING_CONFIRMATION.equals(status) && !EXPIRED.equals(status);
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
