package dev.wellplan.planner.alert.app;

/**
 * What a coach is alerted to (issue 11, "Check-ins that feed back"), and what handles it. Two kinds follow from the
 * plan itself and are never stored: they clear when the plan moves on.
 */
public enum AlertKind {
    /** SAFE-1/3: the plan waits for medical clearance. Follows from the plan's status. */
    AWAITING_CLEARANCE(false, "when clearance is recorded"),
    /** SAFE-1/LIF-3: a check-in reported a red flag; urgent. */
    RED_FLAG(true, "when clearance is recorded, or when you clear it"),
    /** AFT-3: soreness still there 48 hours after a session; a lighter next session is proposed. */
    SORENESS_48H(false, "when the proposal is accepted or dismissed, or when you clear it"),
    /** No answer to a check-in 12 hours after it was due. */
    MISSED_CHECK_IN(false, "when a check-in on that session arrives, or when you clear it"),
    /** An e-mail to the client failed for good (the notifier's delivery events). */
    DELIVERY_FAILED(false, "when you clear it"),
    /** LIF-1: the plan's last day is within the week. Follows from the plan's dates. */
    ENDING_THIS_WEEK(false, "when the plan ends"),
    /** LIF-2: the plan ended; review it with the client and offer a follow-up. */
    PLAN_REVIEW(false, "when you clear it");

    private final boolean urgent;
    private final String clears;

    AlertKind(boolean urgent, String clears) {
        this.urgent = urgent;
        this.clears = clears;
    }

    /** Whether an alert of this kind is urgent whatever it is about. */
    public boolean urgent() {
        return urgent;
    }

    /** When the alert goes away, in words. */
    public String clears() {
        return clears;
    }

    /** Whether alerts of this kind are rows of their own (the others follow from the plan). */
    public boolean stored() {
        return this != AWAITING_CLEARANCE && this != ENDING_THIS_WEEK;
    }

    /** The kind of this name, or null. */
    public static AlertKind named(String name) {
        for (AlertKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
