package dev.wellplan.ops.check;

import java.util.Objects;
import java.util.UUID;

/**
 * One way the pipeline is not what the product's invariants say it must be. {@code planId} and {@code reminderId}
 * may be null; {@code detail} never holds personal data, so a report is safe to paste into a ticket.
 */
public record Divergence(Kind kind, UUID planId, String reminderId, String detail) {

    /** What kind of divergence; the names are stable (the JSON output and docs/operations.md use them). */
    public enum Kind {
        OUTBOX_PENDING("outbox rows not published to Kafka yet"),
        PUBLISHED_NOT_CONSUMED("events published to Kafka that the notifier has no record of"),
        PLAN_STATE_MISSING("plans the notifier has never applied"),
        PLAN_STATE_BEHIND("plans the notifier has applied at an older version than the planner holds"),
        PLAN_STATE_AHEAD("plans the notifier has applied at a newer version than the planner holds"),
        PLAN_STATE_STATUS_MISMATCH("plans whose applied status differs from the planner's at the same version"),
        SNAPSHOT_MISMATCH("plans whose applied snapshot has other items than the planner's plan at the same version"),
        PLAN_STATE_ORPHAN("applied plan states with no plan in the planner"),
        REMINDER_WITHOUT_PLAN_STATE("reminders of a plan the notifier holds no state for"),
        FORBIDDEN_PENDING("pending reminders that the plan's applied status forbids (invariant 3)"),
        SENT_WHILE_FORBIDDEN("reminders sent after the notifier had applied a status that forbids them (invariant 3)"),
        REMINDER_NOT_IN_PLAN("pending reminders the newest applied plan version does not ask for (invariant 2)"),
        REMINDER_MISSING("future items of an active plan without a live reminder (invariant 2)"),
        REMINDER_KEY_INVALID("reminder ids that are not the deterministic key plan:subject:kind"),
        SENT_WITHOUT_MESSAGE_ID("SENT reminders without a message id or sent time"),
        DUPLICATE_MESSAGE_ID("message ids recorded for more than one reminder"),
        SENDING_STUCK("reminders claimed for sending long ago and never finished");

        private final String meaning;

        Kind(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    public Divergence {
        Objects.requireNonNull(kind, "kind");
    }

    /** {@code plan <id> reminder <id> - <detail>}, leaving out what is null: one line of the text report. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (planId != null) {
            s.append("plan ").append(planId).append(' ');
        }
        if (reminderId != null) {
            s.append("reminder ").append(reminderId).append(' ');
        }
        if (detail != null) {
            s.append("- ").append(detail);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return kind + " " + describe();
    }
}
