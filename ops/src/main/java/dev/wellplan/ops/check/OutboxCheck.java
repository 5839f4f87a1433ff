package dev.wellplan.ops.check;

import java.time.Duration;
import java.time.Instant;

import dev.wellplan.ops.check.Divergence.Kind;
import dev.wellplan.ops.check.PipelineState.Outbox;
import dev.wellplan.ops.check.PipelineState.OutboxRow;

/** Invariant 1 as the database shows it: every event is published, and every published event reaches the notifier. */
final class OutboxCheck {

    private final Instant now;
    private final Findings found;

    OutboxCheck(Instant now, Findings found) {
        this.now = now;
        this.found = found;
    }

    void check(Outbox outbox) {
        if (outbox.pending() > 0) {
            found.add(Kind.OUTBOX_PENDING, null, null, outbox.pending() + " unpublished, the oldest "
                    + Ages.human(oldestPendingAge(outbox)) + " old");
            for (OutboxRow row : outbox.unpublished()) {
                found.add(Kind.OUTBOX_PENDING, row.planId(), null, row.eventType() + " written " + ago(row)
                        + " ago, unpublished");
            }
        }
        for (OutboxRow row : outbox.notConsumed()) {
            found.add(Kind.PUBLISHED_NOT_CONSUMED, row.planId(), null, row.eventType() + " event " + row.eventId()
                    + " published " + ago(row) + " ago, not processed by the notifier");
        }
    }

    /** How long the oldest unpublished row has waited; null when none waits. */
    Duration oldestPendingAge(Outbox outbox) {
        return outbox.oldestPending() == null ? null : nonNegative(Duration.between(outbox.oldestPending(), now));
    }

    private String ago(OutboxRow row) {
        return Ages.human(Duration.between(row.at(), now));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
