package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.item;
import static dev.wellplan.rules.PlanQueries.of;
import static dev.wellplan.rules.PlanQueries.sessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AftercareRulesTest {
    private final Plan plan = AssessmentBuilder.ana().pressure(Pressure.FIRM).plan();

    @Test
    void AFT_1_aftercare_about_an_hour_after_each_session() {
        assertThat(sessions(plan)).allSatisfy(s -> {
            PlanItem aftercare = item(plan, s.id() + "-aftercare");
            assertThat(Duration.between(s.end(), aftercare.start())).isEqualTo(Duration.ofHours(1));
            assertThat(aftercare.title()).contains("water").contains("joints");
            assertThat(aftercare.rules()).contains(RuleIds.AFT_1);
        });
        assertThat(plan.guidance()).contains(Guidance.HYDRATE);
    }

    @Test
    void AFT_2_AFT_3_check_ins_at_24_and_48_hours_after_each_session() {
        assertThat(sessions(plan)).allSatisfy(s -> {
            PlanItem checkIn = item(plan, s.id() + "-checkin-24h");
            assertThat(checkIn.start()).isEqualTo(s.start().plusHours(24));
            assertThat(checkIn.rules()).contains(RuleIds.AFT_2, RuleIds.SAFE_1);
            PlanItem followUp = item(plan, s.id() + "-checkin-48h");
            assertThat(followUp.start()).isEqualTo(s.start().plusHours(48));
            assertThat(followUp.rules()).contains(RuleIds.AFT_3, RuleIds.SAFE_1);
        });
        assertThat(of(plan, ItemKind.CHECK_IN)).hasSize(4);
        assertThat(plan.guidance()).contains(Guidance.SORENESS);
    }

    @ParameterizedTest(name = "answered={0} soreness={1} -> 48h check-in {2}")
    @CsvSource({"true, 0, false", "true, 1, true", "true, 6, true", "false, 0, true"})
    void AFT_3_a_48_hour_check_in_only_after_soreness_or_no_answer(boolean answered, int soreness, boolean expected) {
        CheckIn checkIn = answered ? CheckIn.reply("massage-1", 24, soreness, 2, Set.of())
                : CheckIn.noReply("massage-1", 24);

        CheckInOutcome outcome = PlanRules.checkIn(plan, checkIn);

        assertThat(outcome.followUpCheckInNeeded()).isEqualTo(expected);
        var followUp = outcome.plan().item("massage-1-checkin-48h");
        assertThat(followUp.isPresent()).isEqualTo(expected);
        followUp.ifPresent(i -> {
            assertThat(i.start()).isEqualTo(item(plan, "massage-1").start().plusHours(48));
            assertThat(i.rules()).contains(RuleIds.AFT_3);
        });
        assertThat(outcome.flags().contains(CoachFlag.MISSED_CHECK_IN)).isEqualTo(!answered);
        assertThat(outcome.plan().status()).isEqualTo(PlanStatus.ACTIVE);
    }

    @Test
    void AFT_3_the_same_answer_twice_adds_one_48_hour_check_in() {
        CheckIn sore = CheckIn.reply("massage-1", 24, 3, 2, Set.of());
        Plan once = PlanRules.checkIn(plan, sore).plan();

        assertThat(PlanRules.checkIn(once, sore).plan()).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0} soreness {1} -> {2}")
    @CsvSource(value = {"FIRM, 4, MEDIUM", "MEDIUM, 2, LIGHT", "LIGHT, 5, LIGHT", "FIRM, 0, NULL"}, nullValues = "NULL")
    void AFT_3_soreness_at_48_hours_flags_the_coach_and_proposes_lower_pressure(Pressure pressure, int soreness,
                                                                               Pressure proposed) {
        Plan sore = PlanRules.checkIn(AssessmentBuilder.ana().pressure(pressure).plan(),
                CheckIn.reply("massage-1", 24, 3, 2, Set.of())).plan();

        CheckInOutcome outcome = PlanRules.checkIn(sore, CheckIn.reply("massage-1", 48, soreness, 1, Set.of()));

        assertThat(outcome.proposedPressure()).isEqualTo(proposed);
        assertThat(outcome.flags().contains(CoachFlag.SORENESS_PAST_48H)).isEqualTo(proposed != null);
        assertThat(outcome.proposedForSessionId()).isEqualTo(proposed == null ? null : "massage-2");
        assertThat(outcome.plan()).isEqualTo(sore);
    }

    @ParameterizedTest(name = "{0} soreness {1} -> {2}")
    @CsvSource(value = {"FIRM, 4, MEDIUM", "MEDIUM, 1, LIGHT", "MEDIUM, 0, NULL"}, nullValues = "NULL")
    void AFT_3_soreness_48_hours_on_proposes_lower_pressure_without_a_48_hour_item(Pressure pressure, int soreness,
                                                                                  Pressure proposed) {
        Plan plain = PlanRules.checkIn(AssessmentBuilder.ana().pressure(pressure).plan(),
                CheckIn.reply("massage-1", 24, 0, 0, Set.of())).plan();

        CheckInOutcome outcome = PlanRules.soreAfter48Hours(plain, "massage-1", soreness);

        assertThat(plain.item("massage-1-checkin-48h")).isEmpty();
        assertThat(outcome.proposedPressure()).isEqualTo(proposed);
        assertThat(outcome.proposedForSessionId()).isEqualTo(proposed == null ? null : "massage-2");
        assertThat(outcome.flags().contains(CoachFlag.SORENESS_PAST_48H)).isEqualTo(proposed != null);
        assertThat(outcome.plan()).isEqualTo(plain);
    }

    @Test
    void AFT_3_soreness_48_hours_on_names_a_session_and_a_score_in_range() {
        assertThatThrownBy(() -> PlanRules.soreAfter48Hours(plan, "strength-w1-d1", 11))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("sessionId", "soreness"));
    }

    @Test
    void AFT_3_a_48_hour_answer_after_the_soreness_had_gone_is_refused() {
        Plan fine = PlanRules.checkIn(plan, CheckIn.reply("massage-1", 24, 0, 1, Set.of())).plan();
        CheckIn late = CheckIn.reply("massage-1", 48, 3, 2, Set.of());

        assertThat(PlanRules.validateCheckIn(fine, late)).extracting(Violation::field).containsExactly("hoursAfter");
        assertThatThrownBy(() -> PlanRules.checkIn(fine, late)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void AFT_3_check_in_values_are_validated() {
        CheckIn bad = new CheckIn("review", 36, true, 11, -1, null);

        assertThat(PlanRules.validateCheckIn(plan, bad)).extracting(Violation::field)
                .containsExactlyInAnyOrder("sessionId", "hoursAfter", "soreness", "pain", "redFlags");
    }

    @Test
    void AFT_4_every_session_reminds_the_client_to_speak_up() {
        assertThat(sessions(plan)).allSatisfy(s -> {
            assertThat(s.rules()).contains(RuleIds.AFT_4);
            assertThat(Guidance.forItem(s)).contains("Speak up").contains("pressure is too hard");
        });
        assertThat(plan.guidance()).anyMatch(g -> g.contains("no pain, no gain"));
    }
}
