package dev.wellplan.ops.check;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.wellplan.ops.check.Divergence.Kind;
import dev.wellplan.ops.check.PipelineState.AppliedPlan;
import dev.wellplan.ops.check.PipelineState.AppliedVersion;
import dev.wellplan.ops.check.PipelineState.Reminder;
import dev.wellplan.reminders.ReminderKind;

/**
 * Invariant 3 for what was sent: judged by the version the notifier had applied at {@code sent_at}. A send started
 * under the version before may finish up to the send race after a change (the dispatcher reads the plan's status
 * when it claims a batch); one later than that, under a status that forbids it, broke the invariant.
 */
final class SentCheck {

    private final Duration sendRace;
    private final Findings found;

    SentCheck(Duration sendRace, Findings found) {
        this.sendRace = sendRace;
        this.found = found;
    }

    void check(Map<UUID, AppliedPlan> applied, List<Reminder> reminders,
               Map<UUID, List<AppliedVersion>> timelines) {
        for (Reminder r : reminders) {
            ReminderKind kind = ReminderKind.named(r.kind());
            if (!"SENT".equals(r.status()) || r.sentAt() == null || kind == null) {
                continue;
            }
            List<AppliedVersion> timeline = timelines.get(r.planId());
            AppliedPlan plan = applied.get(r.planId());
            if ((timeline == null || timeline.isEmpty()) && plan != null) {
                timeline = List.of(new AppliedVersion(plan.version(), plan.updatedAt(), plan.status()));
            }
            if (timeline != null) {
                judge(r, kind, timeline);
            }
        }
    }

    private void judge(Reminder r, ReminderKind kind, List<AppliedVersion> timeline) {
        AppliedVersion inForce = null;
        for (AppliedVersion a : timeline) {
            if (a.at().isAfter(r.sentAt())) {
                break;
            }
            inForce = a;
        }
        // a version whose status is unknown (no revision, no state) gives nothing to judge by
        if (inForce == null || inForce.status() == null || kind.allowedWhile(inForce.status())) {
            return;
        }
        if (!inFlight(r, kind, timeline)) {
            found.add(Kind.SENT_WHILE_FORBIDDEN, r.planId(), r.id(), r.kind() + " sent at " + r.sentAt() + ", "
                    + Ages.human(Duration.between(inForce.at(), r.sentAt())) + " after the notifier applied v"
                    + inForce.version() + " " + inForce.status());
        }
    }

    /**
     * Whether the reminder may have been claimed before the forbidding status arrived: some version that allowed it
     * was in force within the send race before it went out. Versions applied together (one intake batch carries a
     * plan's confirmation and its next change, say) all count, so the one that allowed it is not hidden behind them.
     */
    private boolean inFlight(Reminder r, ReminderKind kind, List<AppliedVersion> timeline) {
        Instant windowStart = r.sentAt().minus(sendRace);
        AppliedVersion atWindowStart = null;
        for (AppliedVersion a : timeline) {
            if (a.at().isAfter(r.sentAt())) {
                break;
            }
            if (!a.at().isAfter(windowStart)) {
                atWindowStart = a;
            } else if (a.status() != null && kind.allowedWhile(a.status())) {
                return true;
            }
        }
        return atWindowStart != null && atWindowStart.status() != null && kind.allowedWhile(atWindowStart.status());
    }
}
