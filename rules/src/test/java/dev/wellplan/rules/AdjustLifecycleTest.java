package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pause, resume, cancel, a new schedule, and what the safety gate and the plan's status allow at all. */
class AdjustLifecycleTest {
    private static final LocalDate MON_14 = LocalDate.of(2026, 12, 14);
    private final Adjusting ana = Adjusting.ana();

    @Test
    void LIF_3_a_pause_holds_the_items_of_its_days_and_the_plan_stays_active() {
        Adjustment.Applied a = ana.applied(new Operation.Pause(MON_14, MON_14.plusDays(6)));

        assertThat(a.plan().status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(a.plan().holds()).containsExactly(new Hold(MON_14, MON_14.plusDays(6)));
        assertThat(a.plan().items()).allSatisfy(i -> assertThat(i.held())
                .as(i.id()).isEqualTo(!i.start().toLocalDate().isBefore(MON_14) && !i.start().toLocalDate().isAfter(MON_14.plusDays(6))));
        assertThat(a.changes()).hasSize(7).allSatisfy(c -> {
            assertThat(c.before().held()).isFalse();
            assertThat(c.after()).isEqualTo(c.before().withHeld(true));
        });
    }

    @Test
    void SAFE_4_a_session_in_a_paused_stretch_is_refused_whatever_is_overridden() {
        Operation.Pause pause = new Operation.Pause(MON_14.plusDays(7), MON_14.plusDays(13),
                List.of(RuleIds.MAS_1, RuleIds.MAS_5, RuleIds.MAS_6));

        assertThat(ana.refused(pause)).singleElement().satisfies(r -> {
            assertThat(r.itemId()).isEqualTo("massage-2");
            assertThat(r.ruleIds()).containsExactly(RuleIds.SAFE_4, RuleIds.LIF_3);
            assertThat(r.message()).contains("falls inside a pause", "move it out");
        });
    }

    @Test
    void a_session_moved_out_first_lets_the_pause_through() {
        Adjustment.Applied a = ana.applied(new Operation.MoveItem("massage-2", LocalDate.of(2026, 12, 20), null),
                new Operation.Pause(MON_14.plusDays(7), MON_14.plusDays(13)));

        assertThat(item(a.plan(), "massage-2").held()).isFalse();
        assertThat(item(a.plan(), "massage-2-checkin-24h").held()).isTrue();
        assertThat(item(a.plan(), "self-massage-2026-12-20").start()).isEqualTo(LocalDateTime.of(2026, 12, 22, 19, 30));
    }

    @Test
    void an_item_moved_into_a_paused_stretch_is_held_too() {
        Adjustment.Applied paused = ana.applied(new Operation.Pause(MON_14, MON_14.plusDays(6)));

        Adjustment.Applied moved = ana.then(paused).applied(
                new Operation.MoveItem("strength-w3-d1", MON_14.plusDays(6), null));

        assertThat(item(moved.plan(), "strength-w3-d1").held()).isTrue();
    }

    @Test
    void LIF_3_an_open_pause_makes_the_plan_PAUSED_and_resume_releases_what_is_still_ahead() {
        Adjusting afterSessions = ana.at(LocalDateTime.of(2026, 12, 23, 12, 0));
        Adjustment.Applied paused = afterSessions.applied(new Operation.Pause(LocalDate.of(2026, 12, 24), null));
        assertThat(paused.plan().status()).isEqualTo(PlanStatus.PAUSED);
        assertThat(item(paused.plan(), "review").held()).isTrue();

        Adjustment.Applied resumed = afterSessions.then(paused).at(LocalDateTime.of(2026, 12, 29, 12, 0))
                .applied(new Operation.Resume());

        assertThat(resumed.plan().status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(resumed.plan().holds()).isEmpty();
        assertThat(item(resumed.plan(), "strength-w4-d1").held()).as("in the past: stays as it was").isTrue();
        assertThat(item(resumed.plan(), "strength-w4-d2").held()).isFalse();
        assertThat(item(resumed.plan(), "review").held()).isFalse();
    }

    @Test
    void LIF_3_a_pause_cannot_start_in_the_past_nor_pause_a_paused_plan_and_resume_needs_a_pause() {
        Adjusting wednesday = ana.at(LocalDateTime.of(2026, 12, 9, 8, 0));
        assertThat(wednesday.refused(new Operation.Pause(LocalDate.of(2026, 12, 8), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.LIF_1));
        assertThat(ana.refused(new Operation.Pause(LocalDate.of(2027, 1, 2), LocalDate.of(2027, 1, 9))))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.LIF_1));
        assertThat(ana.refused(new Operation.Resume())).extracting(Adjustment.Refusal::ruleIds)
                .containsExactly(List.of(RuleIds.LIF_3));

        Adjusting lastWeek = ana.at(LocalDateTime.of(2026, 12, 23, 12, 0));
        Adjustment.Applied paused = lastWeek.applied(new Operation.Pause(LocalDate.of(2026, 12, 24), null));
        assertThat(lastWeek.then(paused).refused(new Operation.Pause(LocalDate.of(2026, 12, 26), null)))
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.LIF_3));
    }

    @Test
    void LIF_3_nothing_changes_after_cancel_not_even_in_the_same_adjustment() {
        List<Adjustment.Refusal> refusals = ana.refused(new Operation.Cancel(), new Operation.Resume());
        assertThat(refusals).extracting(Adjustment.Refusal::operationIndex, Adjustment.Refusal::ruleIds)
                .containsExactly(tuple(1, List.of(RuleIds.LIF_3, RuleIds.SAFE_4)));

        Adjustment.Applied cancelled = ana.applied(new Operation.Cancel());
        assertThat(cancelled.plan().status()).isEqualTo(PlanStatus.CANCELLED);
        assertThat(cancelled.plan().items()).isEqualTo(ana.plan.items());
        assertThat(ana.then(cancelled).refused(new Operation.MoveItem("strength-w1-d1", MON_14, null)))
                .singleElement().satisfies(r -> assertThat(r.message()).contains("the plan is cancelled"));
    }

    @Test
    void SAFE_1_a_plan_awaiting_clearance_takes_only_cancel_and_a_new_schedule() {
        Assessment flagged = AssessmentBuilder.ana().redFlags(RedFlag.TINGLING).build();
        Plan waiting = PlanRules.createPlan(flagged);
        Adjustment moved = PlanRules.adjust(waiting, flagged,
                List.of(new Operation.AddStrengthDay(LocalDate.of(2026, 12, 8))), Adjusting.BEFORE_START);

        assertThat(moved).isInstanceOfSatisfying(Adjustment.Refused.class, r -> assertThat(r.refusals())
                .extracting(Adjustment.Refusal::ruleIds).containsExactly(List.of(RuleIds.SAFE_1, RuleIds.SAFE_4)));
        Adjustment schedule = PlanRules.adjust(waiting, flagged,
                List.of(new Operation.ChangeSchedule(null, null, LocalTime.of(17, 0), null), new Operation.Cancel()),
                Adjusting.BEFORE_START);
        assertThat(schedule).isInstanceOfSatisfying(Adjustment.Applied.class, a -> {
            assertThat(a.plan().status()).isEqualTo(PlanStatus.CANCELLED);
            assertThat(a.assessment().preferences().massageTime()).isEqualTo(LocalTime.of(17, 0));
        });
    }

    @Test
    void changeSchedule_re_times_the_future_and_returns_the_new_preferences() {
        QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 30));
        Adjusting wednesday = ana.at(LocalDateTime.of(2026, 12, 9, 8, 0));

        Adjustment.Applied a = wednesday.applied(new Operation.ChangeSchedule(null, quiet, LocalTime.of(18, 0),
                LocalTime.of(7, 0)));

        assertThat(item(a.plan(), "massage-1")).isEqualTo(item(ana.plan, "massage-1")); // in the past
        assertThat(item(a.plan(), "massage-2").start()).isEqualTo(LocalDateTime.of(2026, 12, 22, 18, 0));
        assertThat(item(a.plan(), "massage-2-aftercare").start()).isEqualTo(LocalDateTime.of(2026, 12, 22, 19, 50));
        assertThat(item(a.plan(), "strength-w1-d3").start()).isEqualTo(LocalDateTime.of(2026, 12, 11, 7, 0));
        assertThat(item(a.plan(), "self-massage-2026-12-10").start()).isEqualTo(LocalDateTime.of(2026, 12, 10, 19, 30));
        assertThat(item(a.plan(), "massage-1-checkin-24h").start()).isEqualTo(LocalDateTime.of(2026, 12, 9, 10, 0));
        assertThat(a.assessment().preferences()).satisfies(p -> {
            assertThat(p.quietHours()).isEqualTo(quiet);
            assertThat(p.massageTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(p.exerciseTime()).isEqualTo(LocalTime.of(7, 0));
        });
    }

    @Test
    void changeSchedule_to_a_new_zone_keeps_local_times_and_moves_a_time_the_new_zone_skips() {
        Adjusting lisbon = Adjusting.of(AssessmentBuilder.ana().start(LocalDate.of(2027, 3, 22)).build())
                .at(LocalDateTime.of(2027, 3, 21, 12, 0));
        Adjustment.Applied early = lisbon.applied(new Operation.AddStrengthDay(LocalDate.of(2027, 3, 28), List.of()),
                new Operation.MoveItem("strength-extra-1", LocalDate.of(2027, 3, 28), LocalTime.of(2, 30)));
        assertThat(item(early.plan(), "strength-extra-1").start()).isEqualTo(LocalDateTime.of(2027, 3, 28, 2, 30));

        Adjustment.Applied berlin = lisbon.then(early).applied(
                new Operation.ChangeSchedule(ZoneId.of("Europe/Berlin"), null, null, null));

        assertThat(berlin.plan().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.assessment().client().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(item(berlin.plan(), "strength-extra-1").start()).isEqualTo(LocalDateTime.of(2027, 3, 28, 3, 30));
        assertThat(berlin.changes()).extracting(Adjustment.ItemChange::itemId).containsExactly("strength-extra-1");
    }

    @Test
    void changeSchedule_that_names_nothing_or_bad_quiet_hours_is_refused() {
        assertThat(ana.refused(new Operation.ChangeSchedule(null, null, null, null))).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("names no zone"));
        assertThat(ana.refused(new Operation.ChangeSchedule(null, new QuietHours(LocalTime.NOON, LocalTime.NOON), null,
                null))).singleElement().satisfies(r -> assertThat(r.message()).contains("quiet hours"));
    }

    @Test
    void SAFE_4_an_override_of_any_other_rule_is_refused_and_an_unused_one_is_not_reported() {
        Operation.MoveItem move = new Operation.MoveItem("strength-w1-d2", LocalDate.of(2026, 12, 10), null,
                List.of(RuleIds.SAFE_1, "FOO-1"));

        assertThat(ana.refused(move)).extracting(Adjustment.Refusal::ruleIds, Adjustment.Refusal::message)
                .containsExactly(tuple(List.of(RuleIds.SAFE_4, RuleIds.SAFE_1),
                                "SAFE-1 can never be overridden; only MAS-1, MAS-2, MAS-5, MAS-6 can"),
                        tuple(List.of(), "override names \"FOO-1\", which is not a rule id"));
        assertThat(ana.applied(new Operation.MoveItem("strength-w1-d2", LocalDate.of(2026, 12, 10), null,
                List.of(RuleIds.MAS_5))).overrides()).isEmpty();
        assertThat(PlanRules.overridableRules()).containsExactlyInAnyOrder("MAS-1", "MAS-2", "MAS-5", "MAS-6");
    }

    @Test
    void operations_apply_together_or_not_at_all() {
        List<Adjustment.Refusal> refusals = ana.refused(
                new Operation.MoveItem("strength-w1-d2", LocalDate.of(2026, 12, 10), null),
                new Operation.MoveItem("massage-1-aftercare", LocalDate.of(2026, 12, 9), null),
                new Operation.RemoveItem("strength-w4-d3"));

        assertThat(refusals).extracting(Adjustment.Refusal::operationIndex).containsExactly(1);
    }

    @Test
    void input_that_is_no_adjustment_at_all_is_an_error_not_a_refusal() {
        assertThatThrownBy(() -> PlanRules.adjust(ana.plan, ana.assessment, null, ana.now))
                .isInstanceOf(InvalidInputException.class);
        List<Operation> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> PlanRules.adjust(ana.plan, ana.assessment, withNull, ana.now))
                .isInstanceOf(InvalidInputException.class);
        assertThat(PlanRules.adjust(ana.plan, ana.assessment, List.of(), ana.now))
                .isEqualTo(new Adjustment.Applied(ana.plan, ana.assessment, List.of(), List.of()));
    }
}
