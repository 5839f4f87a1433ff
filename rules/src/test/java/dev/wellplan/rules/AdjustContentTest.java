package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.ids;
import static dev.wellplan.rules.PlanQueries.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changing what items are: a session's type, pressure and length; a workout's exercises; workouts added or removed. */
class AdjustContentTest {
    private final Adjusting ana = Adjusting.ana();

    @Test
    void SAFE_2_deep_tissue_for_a_disc_is_refused_and_cannot_be_overridden() {
        Adjusting disc = Adjusting.of(AssessmentBuilder.ana().pattern(PainPattern.SUSPECTED_DISC).build());

        List<Adjustment.Refusal> refusals = disc.refused(new Operation.ChangeMassage("massage-1", MassageType.DEEP_TISSUE,
                null, null, List.of(RuleIds.SAFE_2)));

        assertThat(refusals).extracting(Adjustment.Refusal::ruleIds).containsExactlyInAnyOrder(
                List.of(RuleIds.SAFE_4, RuleIds.SAFE_2), List.of(RuleIds.SAFE_2, RuleIds.SAFE_4));
        assertThat(refusals).extracting(Adjustment.Refusal::message)
                .anyMatch(m -> m.contains("SAFE-2 can never be overridden"))
                .anyMatch(m -> m.contains("deep tissue is refused"));
    }

    @Test
    void deep_tissue_brings_a_light_movement_day_and_moves_that_days_workout() {
        Adjustment.Applied deep = ana.applied(new Operation.ChangeMassage("massage-1", MassageType.DEEP_TISSUE, null, null));

        assertThat(item(deep.plan(), "massage-1").title()).startsWith("Deep-tissue massage, 50 min");
        assertThat(item(deep.plan(), "massage-1-light-movement").start()).isEqualTo(LocalDateTime.of(2026, 12, 9, 7, 30));
        assertThat(item(deep.plan(), "strength-w1-d2").start()).isEqualTo(LocalDateTime.of(2026, 12, 10, 7, 30));
        assertThat(deep.changes()).extracting(Adjustment.ItemChange::itemId, c -> c.before() == null)
                .contains(tuple("massage-1-light-movement", true), tuple("strength-w1-d2", false));

        Adjustment.Applied back = ana.then(deep).applied(
                new Operation.ChangeMassage("massage-1", MassageType.SWEDISH, null, null));
        assertThat(ids(back.plan())).doesNotContain("massage-1-light-movement");
        assertThat(back.changes()).extracting(Adjustment.ItemChange::itemId, c -> c.after() == null)
                .contains(tuple("massage-1-light-movement", true));
    }

    @Test
    void MAS_2_a_session_over_sixty_minutes_is_refused_unless_overridden() {
        assertThat(ana.refused(new Operation.ChangeMassage("massage-1", null, null, 75)))
                .singleElement().satisfies(r -> {
                    assertThat(r.ruleIds()).containsExactly(RuleIds.MAS_2);
                    assertThat(r.message()).contains("75-minute", "longer than the 60 minutes");
                });

        Adjustment.Applied a = ana.applied(new Operation.ChangeMassage("massage-1", null, Pressure.LIGHT, 75,
                List.of(RuleIds.MAS_2)));
        PlanItem session = item(a.plan(), "massage-1");
        assertThat(session.durationMinutes()).isEqualTo(75);
        assertThat(session.title()).isEqualTo("Swedish massage, 75 min, light pressure");
        assertThat(item(a.plan(), "massage-1-aftercare").start()).isEqualTo(LocalDateTime.of(2026, 12, 8, 12, 15));
        assertThat(a.overrides()).extracting(Adjustment.OverrideUsed::ruleId).containsExactly(RuleIds.MAS_2);
    }

    @Test
    void MAS_2_under_forty_five_minutes_too_and_no_override_makes_a_session_of_minutes() {
        assertThat(ana.refused(new Operation.ChangeMassage("massage-1", null, null, 40)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.MAS_2));
        assertThat(ana.refused(new Operation.ChangeMassage("massage-1", null, null, 200, List.of(RuleIds.MAS_2))))
                .singleElement().satisfies(r -> assertThat(r.message()).contains("15 to 120 minutes"));
    }

    @Test
    void changeMassage_of_something_that_is_no_session_or_of_nothing_is_refused() {
        assertThat(ana.refused(new Operation.ChangeMassage("strength-w1-d1", MassageType.SWEDISH, null, null)))
                .singleElement().satisfies(r -> assertThat(r.message()).contains("not a massage session"));
        assertThat(ana.refused(new Operation.ChangeMassage("massage-1", null, null, null)))
                .singleElement().satisfies(r -> assertThat(r.message()).contains("names no type"));
    }

    @Test
    void swapExercise_replaces_one_exercise_at_the_same_volume() {
        Adjusting dowel = Adjusting.of(AssessmentBuilder.ana().equipment(Equipment.DOWEL).build());

        Adjustment.Applied a = dowel.applied(new Operation.SwapExercise("strength-w2-d1", "bird-dog", "hip-hinge-dowel"));

        assertThat(item(a.plan(), "strength-w2-d1").exercises())
                .extracting(Exercise::id, Exercise::sets, Exercise::reps)
                .containsExactly(tuple("glute-bridge", 3, 12), tuple("hip-hinge-dowel", 3, 10),
                        tuple("romanian-deadlift", 2, 10));
        assertThat(a.changes()).extracting(Adjustment.ItemChange::itemId).containsExactly("strength-w2-d1");
    }

    @Test
    void ACT_2_a_swap_to_an_exercise_needing_equipment_the_client_lacks_is_refused() {
        assertThat(ana.refused(new Operation.SwapExercise("strength-w2-d1", "bird-dog", "hip-hinge-dowel")))
                .singleElement().satisfies(r -> {
                    assertThat(r.ruleIds()).containsExactly(RuleIds.ACT_2);
                    assertThat(r.message()).contains("needs a dowel");
                });
        assertThat(ana.refused(new Operation.SwapExercise("strength-w2-d1", "bird-dog", "cartwheel")))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.ACT_2));
    }

    @Test
    void ACT_1_a_swap_that_leaves_a_target_out_is_refused() {
        assertThat(ana.refused(new Operation.SwapExercise("strength-w2-d1", "bird-dog", "single-leg-glute-bridge")))
                .singleElement().satisfies(r -> {
                    assertThat(r.ruleIds()).containsExactly(RuleIds.ACT_1);
                    assertThat(r.message()).contains("glutes, hamstrings and back muscles");
                });
    }

    @Test
    void ACT_2_progress_moves_every_future_occurrence_one_rung_up_and_leaves_the_past() {
        Adjusting wednesday = ana.at(LocalDateTime.of(2026, 12, 9, 8, 0));

        Adjustment.Applied a = wednesday.applied(new Operation.ProgressExercise("glute-bridge"));

        assertThat(item(a.plan(), "strength-w1-d2")).isEqualTo(item(ana.plan, "strength-w1-d2"));
        // no band: the banded bridge is skipped
        assertThat(item(a.plan(), "strength-w1-d3").exercises().get(0))
                .extracting(Exercise::id, Exercise::sets, Exercise::reps)
                .containsExactly("single-leg-glute-bridge", 2, 10);
        assertThat(a.changes()).extracting(Adjustment.ItemChange::itemId)
                .containsExactly("strength-w1-d3", "strength-w2-d1", "strength-w2-d2", "strength-w2-d3");
    }

    @Test
    void ACT_2_with_a_band_the_next_rung_is_the_banded_variant() {
        Adjusting band = Adjusting.of(AssessmentBuilder.ana().equipment(Equipment.RESISTANCE_BAND).build());

        Adjustment.Applied a = band.applied(new Operation.ProgressExercise("glute-bridge"));

        assertThat(item(a.plan(), "strength-w1-d1").exercises().get(0).id()).isEqualTo("banded-glute-bridge");
    }

    @Test
    void ACT_2_nothing_past_the_top_or_the_bottom_of_a_ladder() {
        assertThat(ana.refused(new Operation.ProgressExercise("single-leg-glute-bridge"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.ruleIds()).containsExactly(RuleIds.ACT_2);
                    assertThat(r.message()).contains("top of its ladder");
                });
        assertThat(ana.refused(new Operation.RegressExercise("glute-bridge"))).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("bottom of its ladder"));
        // without a dowel the plain hinge is as easy as it gets
        assertThat(ana.refused(new Operation.RegressExercise("hip-hinge"))).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("bottom of its ladder"));
    }

    @Test
    void ACT_2_regress_steps_down_to_what_the_client_can_do() {
        Adjustment.Applied a = ana.applied(new Operation.RegressExercise("romanian-deadlift"));

        assertThat(item(a.plan(), "strength-w2-d1").exercises().get(2).id()).isEqualTo("hip-hinge");
        assertThat(ana.refused(new Operation.ProgressExercise("superman"))).extracting(Adjustment.Refusal::ruleIds)
                .containsExactly(List.of(RuleIds.ACT_2));
    }

    @Test
    void ACT_2_an_exercise_no_future_workout_has_is_refused() {
        Adjusting lastWeek = ana.at(LocalDateTime.of(2026, 12, 27, 12, 0));

        assertThat(lastWeek.refused(new Operation.ProgressExercise("bird-dog"))).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("no workout from now on has bird-dog"));
    }

    @Test
    void addStrengthDay_gets_an_id_no_item_ever_had_even_after_a_removal() {
        Adjustment.Applied first = ana.applied(new Operation.AddStrengthDay(LocalDate.of(2026, 12, 10)),
                new Operation.AddStrengthDay(LocalDate.of(2026, 12, 15)));
        PlanItem added = item(first.plan(), "strength-extra-1");
        assertThat(added.start()).isEqualTo(LocalDateTime.of(2026, 12, 10, 7, 30));
        assertThat(added.exercises()).isEqualTo(item(ana.plan, "strength-w1-d1").exercises());
        assertThat(item(first.plan(), "strength-extra-2").exercises()).isEqualTo(item(ana.plan, "strength-w2-d1").exercises());

        Adjustment.Applied removed = ana.then(first).applied(new Operation.RemoveItem("strength-extra-2"));
        Adjustment.Applied again = ana.then(removed).applied(new Operation.AddStrengthDay(LocalDate.of(2026, 12, 17)));

        assertThat(ids(again.plan())).contains("strength-extra-1", "strength-extra-3").doesNotContain("strength-extra-2");
        assertThat(again.plan().addedItems()).isEqualTo(3);
    }

    @Test
    void ACT_1_at_most_four_workouts_a_week_and_one_a_day() {
        List<Adjustment.Refusal> refusals = ana.refused(new Operation.AddStrengthDay(LocalDate.of(2026, 12, 10)),
                new Operation.AddStrengthDay(LocalDate.of(2026, 12, 12)),
                new Operation.AddStrengthDay(LocalDate.of(2026, 12, 14)));

        assertThat(refusals).extracting(Adjustment.Refusal::operationIndex, Adjustment.Refusal::ruleIds)
                .containsExactly(tuple(1, List.of(RuleIds.ACT_1)), tuple(2, List.of(RuleIds.ACT_1)));
        assertThat(refusals.get(0).message()).contains("at most 4 a week");
        assertThat(refusals.get(1).message()).contains("already holds the workout strength-w2-d1");
    }

    @Test
    void MAS_6_a_workout_added_on_a_session_day_is_refused_unless_overridden() {
        LocalDate sessionDay = LocalDate.of(2026, 12, 8);

        assertThat(ana.refused(new Operation.AddStrengthDay(sessionDay))).extracting(Adjustment.Refusal::ruleIds)
                .containsExactly(List.of(RuleIds.MAS_6));
        assertThat(ana.applied(new Operation.AddStrengthDay(sessionDay, List.of(RuleIds.MAS_6))).overrides())
                .extracting(Adjustment.OverrideUsed::itemId).containsExactly("strength-extra-1");
    }

    @Test
    void removeItem_takes_a_workout_or_self_massage_off_the_plan() {
        Adjustment.Applied a = ana.applied(new Operation.RemoveItem("strength-w4-d3"),
                new Operation.RemoveItem("self-massage-2026-12-10"));

        assertThat(ids(a.plan())).doesNotContain("strength-w4-d3", "self-massage-2026-12-10");
        assertThat(a.changes()).extracting(Adjustment.ItemChange::itemId, c -> c.after())
                .containsExactly(tuple("self-massage-2026-12-10", null), tuple("strength-w4-d3", null));
    }

    @Test
    void MAS_1_removing_a_session_is_refused_unless_overridden_and_takes_what_hangs_off_it() {
        assertThat(ana.refused(new Operation.RemoveItem("massage-2"))).extracting(Adjustment.Refusal::ruleIds)
                .containsExactly(List.of(RuleIds.MAS_1));

        Adjustment.Applied a = ana.applied(new Operation.RemoveItem("massage-2", List.of(RuleIds.MAS_1)));
        assertThat(ids(a.plan())).noneMatch(id -> id.startsWith("massage-2"));
    }

    @Test
    void SAFE_1_a_check_in_re_asks_the_safety_questions_and_is_never_removed_alone() {
        assertThat(ana.refused(new Operation.RemoveItem("massage-1-checkin-24h"))).singleElement()
                .satisfies(r -> assertThat(r.ruleIds()).containsExactly(RuleIds.SAFE_1, RuleIds.AFT_2));
        assertThat(ana.refused(new Operation.RemoveItem("review"))).extracting(Adjustment.Refusal::ruleIds)
                .containsExactly(List.of(RuleIds.LIF_2));
    }
}
