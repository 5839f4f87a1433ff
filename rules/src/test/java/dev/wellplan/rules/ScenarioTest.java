package dev.wellplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The generator behind the adjustment properties reaches what they claim to cover within the default cases: every
 * plan shape, "now" on every side of the four weeks, every operation kind, batch sizes one to four, overrides and
 * none; and a case draws the same scenario again.
 */
class ScenarioTest {
    private static final List<Scenario> DRAWN = IntStream.range(0, PropertyCheck.DEFAULT_CASES)
            .mapToObj(i -> Scenario.draw(GeneratedAssessments.forCase(PropertyCheck.DEFAULT_SEED, i))).toList();

    @Test
    void every_plan_shape_comes_up() {
        assertThat(DRAWN).extracting(s -> s.plan().status()).contains(PlanStatus.ACTIVE, PlanStatus.AWAITING_CLEARANCE,
                PlanStatus.CANCELLED, PlanStatus.PAUSED);
        assertThat(DRAWN).as("cleared").anyMatch(s -> s.plan().status() == PlanStatus.ACTIVE
                && SafetyGate.needsClearance(s.assessment()));
        assertThat(DRAWN.stream().filter(s -> s.plan().addedItems() > 0 && !s.plan().holds().isEmpty()))
                .as("adjusted already: a workout added and a pause").hasSizeGreaterThan(DRAWN.size() / 20)
                .anyMatch(s -> s.plan().status() == PlanStatus.ACTIVE && s.plan().items().stream().anyMatch(PlanItem::held));
    }

    @Test
    void now_falls_before_inside_and_after_the_four_weeks() {
        assertThat(DRAWN).anyMatch(s -> s.now().isBefore(s.plan().startDate().atStartOfDay()))
                .anyMatch(s -> s.now().isAfter(s.plan().startDate().plusDays(14).atStartOfDay()))
                .anyMatch(s -> s.now().isAfter(s.plan().endDate().atStartOfDay().plusDays(1)));
    }

    @Test
    void operations_come_in_every_kind_and_batch_size_with_and_without_overrides() {
        List<Operation> ops = DRAWN.stream().flatMap(s -> s.ops().stream()).toList();
        List<String> kinds = Arrays.stream(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName).toList();
        assertThat(ops).extracting(op -> op.getClass().getSimpleName()).containsAll(kinds);
        assertThat(DRAWN).extracting(s -> s.ops().size()).containsOnly(1, 2, 3, 4).contains(1, 2, 3, 4);
        assertThat(ops).anyMatch(op -> op.override().isEmpty()).anyMatch(op -> op.override().contains(RuleIds.SAFE_2))
                .anyMatch(op -> op.override().containsAll(RandomOperations.OVERRIDES));
        assertThat(DRAWN).extracting(Scenario::adjust).hasAtLeastOneElementOfType(Adjustment.Applied.class)
                .hasAtLeastOneElementOfType(Adjustment.Refused.class);
    }

    @Test
    void a_case_draws_the_same_scenario_again_and_prints_it_compactly() {
        Scenario again = Scenario.draw(GeneratedAssessments.forCase(PropertyCheck.DEFAULT_SEED, 42));

        assertThat(again).isEqualTo(DRAWN.get(42));
        assertThat(again.toString()).contains(again.plan().status().name(), again.now().toString(),
                PlanText.operation(again.ops().get(0)));
        assertThat(DRAWN).flatExtracting(Scenario::ops).extracting(PlanText::operation)
                .noneMatch(text -> text.contains("=null") || text.contains("override=[]") || text.contains("[, "))
                .contains("Resume[]", "Cancel[]");
    }
}
