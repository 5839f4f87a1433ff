package dev.wellplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

/** Calls {@link PlanRules#adjust} in the example tests and insists on the kind of answer expected. */
final class Adjusting {
    /** The day before Ana's plan starts (Monday 2026-12-07): nothing of it is in the past yet. */
    static final LocalDateTime BEFORE_START = LocalDateTime.of(2026, 12, 6, 12, 0);

    final Plan plan;
    final Assessment assessment;
    final LocalDateTime now;

    private Adjusting(Plan plan, Assessment assessment, LocalDateTime now) {
        this.plan = plan;
        this.assessment = assessment;
        this.now = now;
    }

    static Adjusting ana() {
        return of(AssessmentBuilder.ana().build());
    }

    static Adjusting of(Assessment a) {
        return new Adjusting(running(a), a, BEFORE_START);
    }

    /** The plan that runs: ACTIVE at once, or after a clearance on its start date. */
    static Plan running(Assessment a) {
        Plan plan = PlanRules.createPlan(a);
        return plan.status() == PlanStatus.ACTIVE ? plan : PlanRules.clear(plan, a, a.startDate());
    }

    Adjusting at(LocalDateTime time) {
        return new Adjusting(plan, assessment, time);
    }

    /** The same client, on the plan an earlier adjustment left. */
    Adjusting then(Adjustment.Applied applied) {
        return new Adjusting(applied.plan(), applied.assessment(), now);
    }

    Adjustment adjust(Operation... ops) {
        return PlanRules.adjust(plan, assessment, List.of(ops), now);
    }

    Adjustment.Applied applied(Operation... ops) {
        Adjustment result = adjust(ops);
        assertThat(result).as("%s", result).isInstanceOf(Adjustment.Applied.class);
        return (Adjustment.Applied) result;
    }

    List<Adjustment.Refusal> refused(Operation... ops) {
        Adjustment result = adjust(ops);
        assertThat(result).as("%s", result).isInstanceOf(Adjustment.Refused.class);
        return ((Adjustment.Refused) result).refusals();
    }
}
