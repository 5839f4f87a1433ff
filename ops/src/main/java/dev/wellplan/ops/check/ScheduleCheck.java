package dev.wellplan.ops.check;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.wellplan.ops.check.Divergence.Kind;
import dev.wellplan.ops.check.PipelineState.AppliedPlan;
import dev.wellplan.ops.check.PipelineState.Item;
import dev.wellplan.ops.check.PipelineState.Reminder;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.reminders.ReminderPolicy;

/**
 * Invariants 2 and 3 for what is still to be sent. The notifier reconciles its ledger to what {@link ReminderPolicy}
 * asks for the newest plan version it applied; this runs the same policy on the same stored event and compares:
 * every pending reminder must be allowed by the applied status ({@link ReminderKind#allowedWhile}) and asked for,
 * at the time the policy gives it; every item reminder the policy asks for whose item lies ahead must be there.
 */
final class ScheduleCheck {

    /** The reason the notifier's dispatcher records when the client opted out: a cancellation that is fine. */
    static final String UNSUBSCRIBED = "unsubscribed";

    private final ReminderPolicy policy;
    private final Instant now;
    private final Duration sendRace;
    private final Findings found;

    ScheduleCheck(ReminderPolicy policy, Instant now, Duration sendRace, Findings found) {
        this.policy = policy;
        this.now = now;
        this.sendRace = sendRace;
        this.found = found;
    }

    void check(Map<UUID, AppliedPlan> applied, List<Reminder> reminders) {
        Map<UUID, Map<String, DesiredReminder>> desired = new HashMap<>();
        applied.values().forEach(plan -> desired.put(plan.id(), desired(plan)));
        Map<String, Reminder> byId = new HashMap<>();
        for (Reminder r : reminders) {
            byId.put(r.id(), r);
            if (r.pending()) {
                checkPending(r, applied.get(r.planId()), desired.get(r.planId()));
            }
        }
        for (AppliedPlan plan : applied.values()) {
            checkMissing(plan, desired.get(plan.id()), byId);
        }
    }

    private Map<String, DesiredReminder> desired(AppliedPlan plan) {
        Map<String, DesiredReminder> byKey = new LinkedHashMap<>();
        policy.desired(plan.event()).forEach(want -> byKey.put(want.key(), want));
        return byKey;
    }

    private void checkPending(Reminder r, AppliedPlan plan, Map<String, DesiredReminder> wanted) {
        if (plan == null) {
            found.add(Kind.REMINDER_WITHOUT_PLAN_STATE, r.planId(), r.id(), r.status() + " " + r.kind());
            return;
        }
        ReminderKind kind = ReminderKind.named(r.kind());
        if (kind == null) {
            found.add(Kind.REMINDER_NOT_IN_PLAN, r.planId(), r.id(), r.status() + " " + r.kind()
                    + ": a kind the reminder policy does not know");
        } else if (!kind.allowedWhile(plan.status())) {
            if (settled(r)) {
                found.add(Kind.FORBIDDEN_PENDING, r.planId(), r.id(), r.status() + " " + r.kind()
                        + " while the applied v" + plan.version() + " is " + plan.status());
            }
        } else if (!kind.onRequest()) { // an answer to a client's request is asked for by the request, not a version
            String why = whyNotWanted(r, kind, plan, wanted.get(r.id()));
            if (why != null) {
                found.add(Kind.REMINDER_NOT_IN_PLAN, r.planId(), r.id(), r.status() + " " + r.kind() + ": " + why);
            }
        }
    }

    /** A claim younger than the send race may be one the dispatcher made just before the plan changed. */
    private boolean settled(Reminder r) {
        return "SCHEDULED".equals(r.status()) || r.claimedAt() == null
                || r.claimedAt().isBefore(now.minus(sendRace));
    }

    /** Null when the policy asks for this pending reminder as it stands in the ledger; otherwise why not. */
    private static String whyNotWanted(Reminder r, ReminderKind kind, AppliedPlan plan, DesiredReminder want) {
        String applied = "the applied v" + plan.version();
        if (want == null && r.itemId() == null) {
            return "not asked for by " + applied;
        }
        if (want == null) {
            Item item = plan.items().get(r.itemId());
            return "item " + r.itemId() + (item == null ? " is not in " : " is a " + item.kind() + " in ") + applied;
        }
        // notices go out at once, whenever the change was; an item reminder not claimed yet must be where it belongs
        boolean timed = !kind.planWide() && "SCHEDULED".equals(r.status());
        if (timed && !want.dueAt().equals(r.dueAt())) {
            return "due " + r.dueAt() + ", but " + applied + " asks for " + want.dueAt();
        }
        return null;
    }

    private void checkMissing(AppliedPlan plan, Map<String, DesiredReminder> wanted, Map<String, Reminder> byId) {
        for (DesiredReminder want : wanted.values()) {
            Item item = want.itemId() == null ? null : plan.items().get(want.itemId());
            if (want.kind().planWide() || !want.kind().allowedWhile(plan.status()) || item == null
                    || !item.startsAfter(now, plan.zone())) {
                continue;
            }
            Reminder r = byId.get(want.key());
            String itemAt = item.kind() + " item " + item.id() + " at " + item.start();
            if (r == null) {
                found.add(Kind.REMINDER_MISSING, plan.id(), want.key(), itemAt + " has no " + want.kind()
                        + " reminder (applied v" + plan.version() + ")");
            } else if ("CANCELLED".equals(r.status()) && !UNSUBSCRIBED.equals(r.lastError())
                    && !ReminderPolicy.NO_FOLLOW_UP.equals(r.lastError())) {
                found.add(Kind.REMINDER_MISSING, plan.id(), want.key(), itemAt + ": its reminder is CANCELLED (v"
                        + r.planVersion() + (r.lastError() == null ? "" : ", " + r.lastError())
                        + ") although the applied v" + plan.version() + " is " + plan.status());
            }
        }
    }
}
