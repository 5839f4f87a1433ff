package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.ids;
import static dev.wellplan.rules.PlanQueries.item;
import static dev.wellplan.rules.PlanQueries.of;
import static dev.wellplan.rules.PlanQueries.sessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleRulesTest {
    private final Assessment ana = AssessmentBuilder.ana().build();
    private final Plan plan = PlanRules.createPlan(ana);

    @Test
    void LIF_1_four_weeks_from_the_start_date_in_the_clients_zone() {
        assertThat(plan.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(plan.startDate()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(plan.endDate()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(plan.items()).allSatisfy(i -> assertThat(i.start().toLocalDate())
                .isBetween(plan.startDate(), plan.endDate()));
        assertThat(plan.items()).extracting(i -> PlanQueries.week(plan, i)).containsOnly(1, 2, 3, 4);
    }

    @Test
    void LIF_1_items_are_sorted_and_ids_are_stable_across_re_planning() {
        assertThat(plan.items()).isSortedAccordingTo(ActivePlan.ORDER);
        assertThat(PlanRules.createPlan(AssessmentBuilder.ana().build())).isEqualTo(plan);
        assertThat(ids(plan)).doesNotHaveDuplicates().contains("massage-1", "massage-1-aftercare",
                "massage-1-checkin-24h", "massage-2", "strength-w1-d1", "strength-w4-d3", "self-massage-2026-12-10",
                "review");
    }

    @ParameterizedTest
    @CsvSource({"NON_SPECIFIC, ACTIVE", "SUSPECTED_DISC, AWAITING_CLEARANCE"})
    void LIF_2_review_on_the_last_day(PainPattern pattern, PlanStatus status) {
        Plan p = AssessmentBuilder.ana().pattern(pattern).plan();

        assertThat(p.status()).isEqualTo(status);
        assertThat(item(p, "review")).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ItemKind.REVIEW);
            assertThat(r.start().toLocalDate()).isEqualTo(p.endDate());
            assertThat(r.rules()).contains(RuleIds.LIF_2);
        });
        assertThat(of(p, ItemKind.REVIEW)).hasSize(1);
    }

    @Test
    void LIF_2_guidance_offers_a_follow_up() {
        assertThat(plan.guidance()).anyMatch(g -> g.contains("six months") && g.contains("follow-up plan"));
    }

    @ParameterizedTest
    @CsvSource({"NUMBNESS, SEE_DOCTOR", "SADDLE_NUMBNESS, SEEK_CARE_TODAY"})
    void LIF_3_red_flag_in_a_check_in_stops_all_massage_at_once(RedFlag flag, Urgency urgency) {
        CheckInOutcome outcome = PlanRules.checkIn(plan, CheckIn.reply("massage-1", 24, 2, 3, Set.of(flag)));
        Plan waiting = outcome.plan();
        LocalDateTime reported = LocalDateTime.of(2026, 12, 9, 10, 0);

        assertThat(waiting.status()).isEqualTo(PlanStatus.AWAITING_CLEARANCE);
        assertThat(outcome.urgency()).isEqualTo(urgency);
        assertThat(waiting.urgency()).isEqualTo(urgency);
        assertThat(outcome.flags()).containsExactly(CoachFlag.RED_FLAG_REPORTED);
        assertThat(sessions(waiting)).isEmpty();
        assertThat(ids(waiting)).noneMatch(id -> id.startsWith("massage-"));
        assertThat(item(waiting, "clearance").start()).isEqualTo(reported);
        assertThat(ids(waiting)).contains("strength-w1-d1", "strength-w1-d2", "review")
                .doesNotContain("strength-w1-d3", "self-massage-2026-12-10");
        assertThat(waiting.items()).filteredOn(i -> i.kind() != ItemKind.REVIEW && i.kind() != ItemKind.CLEARANCE)
                .allSatisfy(i -> assertThat(i.start()).isBefore(reported));
    }

    @Test
    void LIF_3_clearance_after_a_check_in_red_flag_resumes_the_same_plan() {
        Plan waiting = PlanRules.checkIn(plan, CheckIn.reply("massage-1", 24, 2, 3, Set.of(RedFlag.TINGLING))).plan();
        LocalDate clearedOn = LocalDate.of(2026, 12, 12);

        Plan resumed = PlanRules.clear(waiting, ana, clearedOn);

        assertThat(resumed.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(resumed.startDate()).isEqualTo(plan.startDate());
        assertThat(resumed.endDate()).isEqualTo(plan.endDate());
        assertThat(ids(resumed)).contains("strength-w1-d1", "massage-2", "massage-2-aftercare", "strength-w2-d1",
                "self-massage-2026-12-13", "review").doesNotContain("massage-1", "massage-1-checkin-24h", "clearance",
                "strength-w1-d3", "self-massage-2026-12-10");
        assertThat(item(resumed, "massage-2").rules()).contains(RuleIds.SAFE_3);
        assertThat(ids(resumed)).doesNotHaveDuplicates();
    }

    @Test
    void LIF_3_a_red_flag_on_a_cancelled_plan_still_alerts_but_changes_nothing() {
        Plan cancelled = new Plan(PlanStatus.CANCELLED, plan.timeZone(), plan.startDate(), plan.endDate(),
                plan.items(), plan.guidance(), plan.unmetPreferences(), plan.urgency());

        CheckInOutcome outcome = PlanRules.checkIn(cancelled,
                CheckIn.reply("massage-1", 24, 0, 0, Set.of(RedFlag.BLADDER_BOWEL_CHANGE)));

        assertThat(outcome.plan()).isEqualTo(cancelled);
        assertThat(outcome.flags()).contains(CoachFlag.RED_FLAG_REPORTED);
        assertThat(outcome.urgency()).isEqualTo(Urgency.SEEK_CARE_TODAY);
    }

    @Test
    void LIF_3_a_red_flag_reported_without_a_session_gates_the_plan_from_that_moment() {
        LocalDateTime reported = LocalDateTime.of(2026, 12, 15, 8, 30);

        CheckInOutcome outcome = PlanRules.redFlagReported(plan, Set.of(RedFlag.SADDLE_NUMBNESS), reported);
        Plan waiting = outcome.plan();

        assertThat(waiting.status()).isEqualTo(PlanStatus.AWAITING_CLEARANCE);
        assertThat(outcome.urgency()).isEqualTo(Urgency.SEEK_CARE_TODAY);
        assertThat(waiting.guidance().get(0)).isEqualTo(Guidance.SEEK_CARE_TODAY);
        assertThat(sessions(waiting)).isEmpty();
        assertThat(item(waiting, "clearance").start()).isEqualTo(reported);
        assertThat(ids(waiting)).contains("strength-w2-d1", "review").doesNotContain("strength-w2-d2");
        assertThat(waiting.items()).filteredOn(i -> i.kind() != ItemKind.REVIEW && i.kind() != ItemKind.CLEARANCE)
                .allSatisfy(i -> assertThat(i.start()).isBefore(reported));
    }

    @Test
    void LIF_3_a_red_flag_report_names_at_least_one_flag() {
        LocalDateTime moment = LocalDateTime.of(2026, 12, 15, 8, 30);

        assertThatThrownBy(() -> PlanRules.redFlagReported(plan, Set.of(), moment))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("redFlags");
    }

    @Test
    void LIF_2_a_plan_at_its_end_is_completed_with_its_items() {
        Plan completed = PlanRules.complete(plan);

        assertThat(completed.status()).isEqualTo(PlanStatus.COMPLETED);
        assertThat(completed.items()).isEqualTo(plan.items());
        assertThat(completed.endDate()).isEqualTo(plan.endDate());
        assertThatThrownBy(() -> PlanRules.complete(completed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PlanRules.complete(AssessmentBuilder.ana().pattern(PainPattern.SUSPECTED_DISC).plan()))
                .isInstanceOf(IllegalStateException.class);
    }
}
