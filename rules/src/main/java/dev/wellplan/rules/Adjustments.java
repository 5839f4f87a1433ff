package dev.wellplan.rules;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SAFE-4 and the issue "Coaches adjust plans": a coach's operations on a plan, applied in order, all or none.
 *
 * <p>Each operation meets the safety gate first: nothing changes on a cancelled or completed plan, no session or
 * workout while the plan awaits clearance, no deep tissue with disc signs, no session in a paused stretch, and
 * nothing in the past or outside the plan's four weeks; none of these can be overridden. Then the rules a coach
 * may knowingly set aside ({@link #OVERRIDABLE}) refuse the operation unless it lists them in {@code override}.
 * Moving a session takes what hangs off it along and re-places the workouts and self-massage days it now collides
 * with, under their own ids ({@link Settling}).
 */
final class Adjustments {
    /** The rules a coach may set aside, naming them in an operation's {@code override}; never the safety gate. */
    static final Set<String> OVERRIDABLE = Set.of(RuleIds.MAS_1, RuleIds.MAS_2, RuleIds.MAS_5, RuleIds.MAS_6);
    private static final Pattern RULE_ID = Pattern.compile("(SAFE|MAS|AFT|ACT|LIF)-\\d+");

    private Adjustments() {
    }

    static Adjustment adjust(Plan current, Assessment a, List<Operation> ops, LocalDateTime now) {
        PlanRules.requireValid(AssessmentRules.validate(a));
        if (current == null || ops == null || now == null || ops.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(List.of(new Violation("operations",
                    "a plan, a list of operations without nulls and the time now are required")));
        }
        AdjustmentDraft draft = AdjustmentDraft.of(current, a, now);
        List<Adjustment.Refusal> refusals = new ArrayList<>();
        List<Adjustment.OverrideUsed> used = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            OperationCheck check = new OperationCheck(i, ops.get(i));
            AdjustmentDraft next = draft.copy();
            apply(ops.get(i), draft, next, check);
            if (check.ok()) {
                draft = next;
                used.addAll(check.used());
            } else {
                refusals.addAll(check.refusals());
            }
        }
        if (!refusals.isEmpty()) {
            return new Adjustment.Refused(refusals);
        }
        Plan plan = draft.toPlan();
        return new Adjustment.Applied(plan, draft.assessment, changes(current, plan), used);
    }

    private static void apply(Operation op, AdjustmentDraft before, AdjustmentDraft next, OperationCheck check) {
        overridesKnown(op, check);
        if (!gate(op, next, check)) {
            return;
        }
        AdjustmentOperations.apply(op, next, check); // even after a bad override, to name every reason at once
        if (check.ok()) {
            Settling.settle(before, next, check);
        }
    }

    /** An override names a rule a coach may set aside, or the operation is refused: the gate is never set aside. */
    private static void overridesKnown(Operation op, OperationCheck check) {
        for (String id : op.override()) {
            if (OVERRIDABLE.contains(id)) {
                continue;
            }
            if (id != null && RULE_ID.matcher(id).matches()) {
                check.refuse(null, id + " can never be overridden; only " + String.join(", ",
                        OVERRIDABLE.stream().sorted().toList()) + " can", RuleIds.SAFE_4, id);
            } else {
                check.refuse(null, "override names \"" + id + "\", which is not a rule id");
            }
        }
    }

    /** SAFE-4, LIF-3: what the plan's status allows at all; false when it refused the operation. */
    private static boolean gate(Operation op, AdjustmentDraft d, OperationCheck check) {
        if (d.status == PlanStatus.CANCELLED || d.status == PlanStatus.COMPLETED) {
            check.refuse(null, "the plan is " + d.status.name().toLowerCase(Locale.ROOT)
                    + ": nothing on it can change any more", RuleIds.LIF_3, RuleIds.SAFE_4);
            return false;
        }
        if (d.status == PlanStatus.AWAITING_CLEARANCE && !(op instanceof Operation.Cancel)
                && !(op instanceof Operation.ChangeSchedule)) {
            check.refuse(null, "the plan awaits medical clearance: no session or workout can be planned or changed "
                    + "until a coach records it; only cancel and changeSchedule are possible", RuleIds.SAFE_1,
                    RuleIds.SAFE_4);
            return false;
        }
        return true;
    }

    /** Every item whose content changed, in the next plan's order, then the ones removed. */
    static List<Adjustment.ItemChange> changes(Plan before, Plan after) {
        Map<String, PlanItem> old = new HashMap<>();
        before.items().forEach(i -> old.put(i.id(), i));
        List<Adjustment.ItemChange> changes = new ArrayList<>();
        for (PlanItem item : after.items()) {
            PlanItem was = old.remove(item.id());
            if (!item.equals(was)) {
                changes.add(new Adjustment.ItemChange(item.id(), was, item));
            }
        }
        before.items().stream().filter(i -> old.containsKey(i.id()))
                .forEach(i -> changes.add(new Adjustment.ItemChange(i.id(), i, null)));
        return changes;
    }
}
