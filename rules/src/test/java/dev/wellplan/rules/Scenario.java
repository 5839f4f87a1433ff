package dev.wellplan.rules;

import static dev.wellplan.rules.GeneratedAssessments.Weighted.weight;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A plan as it runs, the assessment behind it, the time now (local, in the plan's zone) and the operations a coach
 * sends as one adjustment. {@link #draw} makes them from one case of {@link GeneratedAssessments}: mostly running
 * plans, some still awaiting clearance, some a coach adjusted already (a workout added, a week or the rest paused),
 * a few cancelled; "now" before, inside and
 * after the four weeks; operations from {@link RandomOperations}. {@code toString} is the compact text a failing
 * property prints ({@link PlanText}).
 */
public record Scenario(Assessment assessment, Plan plan, LocalDateTime now, List<Operation> ops) {

    /** The adjustment the coach's operations make. */
    public Adjustment adjust() {
        return PlanRules.adjust(plan, assessment, ops, now);
    }

    /** "now" as a local time in {@code zone}, as it reads after a change of the plan's zone. */
    public LocalDateTime nowIn(ZoneId zone) {
        return now.atZone(plan.timeZone()).withZoneSameInstant(zone).toLocalDateTime();
    }

    /** Checks {@code property} over {@link PropertyCheck#DEFAULT_CASES} scenarios, and prints their outcomes. */
    public static void forAll(Consumer<Scenario> property) {
        PropertyCheck.forAllCounted(Scenario::draw, (s, tally) -> {
            property.accept(s);
            countOutcome(tally, s.plan().status(), s.ops(), s.adjust());
        });
    }

    /**
     * Counts one adjustment: applied or refused by the plan's status; each operation applied, refused (named by a
     * refusal) or refused with the batch (another operation was); applied batches by size and overrides used.
     */
    public static void countOutcome(Tally tally, PlanStatus status, List<Operation> ops, Adjustment result) {
        boolean applied = result instanceof Adjustment.Applied;
        tally.count("adjustments by plan status", status.name(), applied ? "applied" : "refused");
        Set<Integer> named = result instanceof Adjustment.Refused r
                ? r.refusals().stream().map(Adjustment.Refusal::operationIndex).collect(Collectors.toSet()) : Set.of();
        for (int i = 0; i < ops.size(); i++) {
            tally.count("operations by kind", ops.get(i).getClass().getSimpleName(),
                    applied ? "applied" : named.contains(i) ? "refused" : "refused with the batch");
        }
        if (result instanceof Adjustment.Applied a) {
            tally.count("applied adjustments", ops.size() + (ops.size() == 1 ? " operation" : " operations"),
                    a.overrides().isEmpty() ? "no override used" : "override used");
        }
    }

    /** One scenario: the plan's shape, its assessment and "now", then one to four operations on that plan. */
    public static Scenario draw(GeneratedAssessments g) {
        int shape = g.between(0, 9);
        Assessment a = shape == 0 ? g.gated() : g.any();
        // "now" mostly in the first week, when most of the plan is still ahead; sometimes anywhere around it
        int minutes = g.oneOf(List.of(weight(2, () -> g.between(-24 * 60, 0)),
                weight(2, () -> g.between(0, 7 * 24 * 60)), weight(1, () -> g.between(-24 * 60, 30 * 24 * 60))));
        Plan plan = PlanRules.createPlan(a);
        if (plan.status() == PlanStatus.AWAITING_CLEARANCE && shape != 0) {
            plan = PlanRules.clear(plan, a, a.startDate().plusDays(shape % 3));
        }
        LocalDateTime now = plan.startDate().atStartOfDay().plusMinutes(minutes);
        plan = shaped(plan, a, shape);
        return new Scenario(a, plan, now, RandomOperations.batch(g, plan));
    }

    /**
     * Shape 9: cancelled. 7 and 8: adjusted the day before it started, a workout added in week 4 (on its first day
     * that takes one) and a pause: of week 2, which holds no session (SAFE-4 refuses a pause over one), or from
     * week 4 on to the end, which leaves the plan PAUSED.
     */
    private static Plan shaped(Plan plan, Assessment a, int shape) {
        if (shape == 9) {
            return new Plan(PlanStatus.CANCELLED, plan.timeZone(), plan.startDate(), plan.endDate(), plan.items(),
                    plan.guidance(), plan.unmetPreferences(), plan.urgency());
        }
        if (shape < 7 || plan.status() != PlanStatus.ACTIVE) {
            return plan;
        }
        LocalDateTime before = plan.startDate().atStartOfDay().minusDays(1);
        LocalDate start = plan.startDate();
        for (int day = 21; day < 28 && plan.addedItems() == 0; day++) {
            plan = appliedOrAsItWas(plan, a, before,
                    new Operation.AddStrengthDay(start.plusDays(day), List.of(RuleIds.MAS_5, RuleIds.MAS_6)));
        }
        return appliedOrAsItWas(plan, a, before, shape == 7 ? new Operation.Pause(start.plusDays(7), start.plusDays(13))
                : new Operation.Pause(start.plusDays(21), null));
    }

    private static Plan appliedOrAsItWas(Plan plan, Assessment a, LocalDateTime now, Operation op) {
        return PlanRules.adjust(plan, a, List.of(op), now) instanceof Adjustment.Applied applied ? applied.plan() : plan;
    }

    @Override
    public String toString() {
        return PlanText.plan(plan, assessment) + String.format("%n    now %s%n", now) + PlanText.operations(ops, plan);
    }
}
