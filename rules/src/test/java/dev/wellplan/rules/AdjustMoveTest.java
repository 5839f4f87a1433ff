package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.ids;
import static dev.wellplan.rules.PlanQueries.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Moving items (Ana's plan: sessions Tuesday 2026-12-08 and 2026-12-22 at 10:00, workouts at 07:30, self-massage
 * at 19:30 between the sessions, Monday high-stress).
 */
class AdjustMoveTest {
    private static final LocalDate TUE_22 = LocalDate.of(2026, 12, 22);
    private final Adjusting ana = Adjusting.ana();

    @Test
    void a_moved_session_takes_its_aftercare_and_check_ins_along_under_the_same_ids() {
        Adjustment.Applied a = ana.applied(new Operation.MoveItem("massage-2", TUE_22.plusDays(2), LocalTime.of(11, 0)));

        assertThat(item(a.plan(), "massage-2").start()).isEqualTo(LocalDateTime.of(2026, 12, 24, 11, 0));
        assertThat(item(a.plan(), "massage-2-aftercare").start()).isEqualTo(LocalDateTime.of(2026, 12, 24, 12, 50));
        assertThat(item(a.plan(), "massage-2-checkin-24h").start()).isEqualTo(LocalDateTime.of(2026, 12, 25, 11, 0));
        assertThat(item(a.plan(), "massage-2-checkin-48h").start()).isEqualTo(LocalDateTime.of(2026, 12, 26, 11, 0));
        assertThat(ids(a.plan())).containsExactlyInAnyOrderElementsOf(ids(ana.plan));
        assertThat(a.changes()).extracting(Adjustment.ItemChange::itemId).containsExactlyInAnyOrder("massage-2",
                "massage-2-aftercare", "massage-2-checkin-24h", "massage-2-checkin-48h");
        assertThat(a.overrides()).isEmpty();
        assertThat(a.assessment()).isEqualTo(ana.assessment);
    }

    @Test
    void MAS_6_a_session_moved_onto_a_workout_day_re_places_the_workout_under_its_id() {
        Adjustment.Applied a = ana.applied(new Operation.MoveItem("massage-2", TUE_22.plusDays(1), null));

        assertThat(item(a.plan(), "massage-2").start()).isEqualTo(LocalDateTime.of(2026, 12, 23, 10, 0));
        assertThat(item(a.plan(), "strength-w3-d2").start()).isEqualTo(LocalDateTime.of(2026, 12, 24, 7, 30));
        assertThat(ids(a.plan())).containsExactlyInAnyOrderElementsOf(ids(ana.plan));
    }

    @Test
    void MAS_6_override_keeps_the_workout_on_the_session_day() {
        Adjustment.Applied a = ana.applied(new Operation.MoveItem("massage-2", TUE_22.plusDays(1), null,
                List.of(RuleIds.MAS_6)));

        assertThat(item(a.plan(), "strength-w3-d2").start()).isEqualTo(LocalDateTime.of(2026, 12, 23, 7, 30));
        assertThat(a.overrides()).extracting(Adjustment.OverrideUsed::operationIndex, Adjustment.OverrideUsed::itemId,
                Adjustment.OverrideUsed::ruleId).containsExactly(tuple(0, "strength-w3-d2", RuleIds.MAS_6));
    }

    @Test
    void MAS_5_a_session_on_a_high_stress_day_is_refused_unless_overridden() {
        Operation.MoveItem toMonday = new Operation.MoveItem("massage-2", TUE_22.minusDays(1), null);

        assertThat(ana.refused(toMonday)).singleElement().satisfies(r -> {
            assertThat(r.ruleIds()).containsExactly(RuleIds.MAS_5);
            assertThat(r.itemId()).isEqualTo("massage-2");
            assertThat(r.message()).contains("Monday", "high-stress", "override");
        });
        Adjustment.Applied a = ana.applied(new Operation.MoveItem("massage-2", TUE_22.minusDays(1), null,
                List.of(RuleIds.MAS_5)));
        assertThat(a.overrides()).extracting(Adjustment.OverrideUsed::ruleId).containsExactly(RuleIds.MAS_5);
        assertThat(item(a.plan(), "strength-w3-d1").start().toLocalDate()).isEqualTo(TUE_22); // MAS-6: off the new day
    }

    @Test
    void MAS_1_sessions_closer_than_about_fourteen_days_are_refused_unless_overridden() {
        Operation.MoveItem nineDays = new Operation.MoveItem("massage-2", LocalDate.of(2026, 12, 17), null);

        assertThat(ana.refused(nineDays)).singleElement()
                .satisfies(r -> assertThat(r.ruleIds()).containsExactly(RuleIds.MAS_1));
        Adjustment.Applied a = ana.applied(new Operation.MoveItem("massage-2", LocalDate.of(2026, 12, 17), null,
                List.of(RuleIds.MAS_1)));
        // ACT-3: the self-massage of that evening goes to the nearest free rest day, under its own id
        assertThat(item(a.plan(), "self-massage-2026-12-17").start()).isEqualTo(LocalDateTime.of(2026, 12, 22, 19, 30));
    }

    @Test
    void MAS_1_a_day_or_two_either_way_keeps_the_cadence() {
        assertThat(ana.applied(new Operation.MoveItem("massage-2", TUE_22.plusDays(2), null)).overrides()).isEmpty();
        assertThat(ana.refused(new Operation.MoveItem("massage-2", TUE_22.plusDays(3), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.MAS_1));
    }

    @Test
    void MAS_5_a_workout_inside_a_late_sessions_buffer_is_refused_unless_overridden() {
        Operation lateSession = new Operation.MoveItem("massage-1", LocalDate.of(2026, 12, 8), LocalTime.of(23, 0));
        LocalDate wednesday = LocalDate.of(2026, 12, 9);

        assertThat(ana.refused(lateSession, new Operation.MoveItem("strength-w1-d2", wednesday, LocalTime.of(0, 30))))
                .singleElement().satisfies(r -> {
                    assertThat(r.operationIndex()).isEqualTo(1);
                    assertThat(r.ruleIds()).containsExactly(RuleIds.MAS_5);
                });
        Adjustment.Applied a = ana.applied(lateSession,
                new Operation.MoveItem("strength-w1-d2", wednesday, LocalTime.of(0, 30), List.of(RuleIds.MAS_5)));
        assertThat(item(a.plan(), "massage-1-aftercare").start()).isEqualTo(LocalDateTime.of(2026, 12, 9, 0, 50));
        assertThat(a.overrides()).extracting(Adjustment.OverrideUsed::operationIndex).containsExactly(1);
    }

    @Test
    void MAS_6_a_workout_moved_onto_a_session_day_is_refused_unless_overridden() {
        LocalDate sessionDay = LocalDate.of(2026, 12, 8);

        assertThat(ana.refused(new Operation.MoveItem("strength-w1-d2", sessionDay, null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.MAS_6));
        assertThat(item(ana.applied(new Operation.MoveItem("strength-w1-d2", sessionDay, null, List.of(RuleIds.MAS_6)))
                .plan(), "strength-w1-d2").start()).isEqualTo(LocalDateTime.of(2026, 12, 8, 7, 30));
    }

    @Test
    void ACT_1_one_workout_a_day() {
        assertThat(ana.refused(new Operation.MoveItem("strength-w1-d1", LocalDate.of(2026, 12, 9), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.ACT_1));
    }

    @Test
    void ACT_3_self_massage_never_on_a_session_day() {
        assertThat(ana.refused(new Operation.MoveItem("self-massage-2026-12-10", LocalDate.of(2026, 12, 22), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.ACT_3));
    }

    @Test
    void LIF_1_an_item_that_started_before_now_cannot_change() {
        Adjusting wednesday = ana.at(LocalDateTime.of(2026, 12, 9, 8, 0));

        assertThat(wednesday.refused(new Operation.MoveItem("massage-1", LocalDate.of(2026, 12, 10), null)))
                .singleElement().satisfies(r -> {
                    assertThat(r.ruleIds()).containsExactly(RuleIds.LIF_1);
                    assertThat(r.message()).contains("the past stays as it was");
                });
    }

    @Test
    void LIF_1_nothing_moves_into_the_past_or_out_of_the_four_weeks() {
        Adjusting wednesday = ana.at(LocalDateTime.of(2026, 12, 9, 8, 0));

        assertThat(wednesday.refused(new Operation.MoveItem("strength-w2-d1", LocalDate.of(2026, 12, 9), LocalTime.of(7, 0))))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.LIF_1));
        assertThat(ana.refused(new Operation.MoveItem("strength-w4-d3", LocalDate.of(2027, 1, 4), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.LIF_1));
    }

    @Test
    void LIF_1_a_session_whose_check_in_would_fall_after_the_plan_is_refused_even_with_overrides() {
        List<Adjustment.Refusal> refusals = ana.refused(new Operation.MoveItem("massage-2", LocalDate.of(2027, 1, 3),
                null, List.of(RuleIds.MAS_1, RuleIds.MAS_5, RuleIds.MAS_6)));

        assertThat(refusals).extracting(Adjustment.Refusal::itemId, Adjustment.Refusal::ruleIds)
                .contains(tuple("massage-2-checkin-24h", List.of(RuleIds.LIF_1)));
    }

    @Test
    void what_hangs_off_a_session_moves_only_with_it() {
        assertThat(ana.refused(new Operation.MoveItem("massage-1-aftercare", LocalDate.of(2026, 12, 9), null)))
                .singleElement().satisfies(r -> {
                    assertThat(r.ruleIds()).containsExactly(RuleIds.AFT_1);
                    assertThat(r.message()).contains("move massage-1");
                });
        assertThat(ana.refused(new Operation.MoveItem("massage-1-checkin-24h", LocalDate.of(2026, 12, 10), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.AFT_2));
        assertThat(ana.refused(new Operation.MoveItem("review", LocalDate.of(2027, 1, 2), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.LIF_2));
    }

    @Test
    void an_unknown_item_is_refused_naming_it_without_a_rule() {
        assertThat(ana.refused(new Operation.MoveItem("massage-9", TUE_22, null))).singleElement().satisfies(r -> {
            assertThat(r.itemId()).isEqualTo("massage-9");
            assertThat(r.ruleIds()).isEmpty();
            assertThat(r.message()).contains("no item massage-9");
        });
    }

    @Test
    void a_time_in_the_spring_forward_gap_moves_on_by_the_gap() {
        Adjusting berlin = Adjusting.of(AssessmentBuilder.ana().zone("Europe/Berlin").start(LocalDate.of(2027, 3, 22))
                .build()).at(LocalDateTime.of(2027, 3, 21, 12, 0));
        String workout = berlin.plan.items().stream().filter(i -> i.kind() == ItemKind.STRENGTH).findFirst()
                .orElseThrow().id();

        Adjustment.Applied a = berlin.applied(new Operation.MoveItem(workout, LocalDate.of(2027, 3, 28), LocalTime.of(2, 30)));

        assertThat(item(a.plan(), workout).start()).isEqualTo(LocalDateTime.of(2027, 3, 28, 3, 30));
    }
}
