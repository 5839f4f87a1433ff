package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.days;
import static dev.wellplan.rules.PlanQueries.intruders;
import static dev.wellplan.rules.PlanQueries.item;
import static dev.wellplan.rules.PlanQueries.of;
import static dev.wellplan.rules.PlanQueries.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MassageRulesTest {

    @Test
    void MAS_1_two_sessions_fourteen_days_apart_in_weeks_one_and_three() {
        Plan plan = AssessmentBuilder.ana().plan();

        assertThat(sessions(plan)).extracting(PlanItem::id, PlanItem::start).containsExactly(
                org.assertj.core.groups.Tuple.tuple("massage-1", LocalDateTime.of(2026, 12, 8, 10, 0)),
                org.assertj.core.groups.Tuple.tuple("massage-2", LocalDateTime.of(2026, 12, 22, 10, 0)));
        assertThat(sessions(plan)).allSatisfy(s -> assertThat(s.rules()).contains(RuleIds.MAS_1));
    }

    @Test
    void MAS_2_sessions_last_fifty_minutes_by_default() {
        assertThat(sessions(AssessmentBuilder.ana().plan()))
                .allSatisfy(s -> assertThat(s.durationMinutes()).isEqualTo(50).isBetween(45, 60));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "NON_SPECIFIC,   UNKNOWN, MEDIUM, SWEDISH",
            "STRESS_TENSION, UNKNOWN, FIRM,   SWEDISH",
            "NON_SPECIFIC,   ANXIETY, FIRM,   SWEDISH",
            "MUSCLE_KNOTS,   POSTURE, MEDIUM, DEEP_TISSUE",
            "MUSCLE_KNOTS,   POSTURE, FIRM,   DEEP_TISSUE",
            "MUSCLE_KNOTS,   POSTURE, LIGHT,  SWEDISH",
            "MUSCLE_KNOTS,   STRESS,  FIRM,   SWEDISH",
            "MUSCLE_KNOTS,   ANXIETY, MEDIUM, SWEDISH",
            "SUSPECTED_DISC, POSTURE, FIRM,   SWEDISH",
            "RADIATING_LEG,  LIFTING, MEDIUM, SWEDISH"})
    void MAS_3_type_follows_pattern_and_drivers(PainPattern pattern, PainDriver driver, Pressure pressure,
                                               MassageType expected) {
        Pain pain = new Pain(PainArea.LOWER_BACK, 5, 10, pattern, Set.of(driver));

        assertThat(MassageRules.type(pain, pressure)).isEqualTo(expected);
    }

    @Test
    void MAS_3_the_plan_uses_the_chosen_type() {
        assertThat(sessions(AssessmentBuilder.knots().plan()))
                .allSatisfy(s -> assertThat(s.massage().type()).isEqualTo(MassageType.DEEP_TISSUE));
        assertThat(sessions(AssessmentBuilder.ana().plan()))
                .allSatisfy(s -> assertThat(s.massage().type()).isEqualTo(MassageType.SWEDISH));
    }

    @ParameterizedTest
    @CsvSource(value = {"LIGHT, LIGHT", "MEDIUM, MEDIUM", "FIRM, FIRM", "NULL, MEDIUM"}, nullValues = "NULL")
    void MAS_4_pressure_starts_at_the_clients_comfort(Pressure stated, Pressure expected) {
        Plan plan = AssessmentBuilder.ana().pressure(stated).plan();

        assertThat(sessions(plan)).allSatisfy(s -> {
            assertThat(s.massage().pressure()).isEqualTo(expected);
            assertThat(s.rules()).contains(RuleIds.MAS_4);
        });
    }

    @Test
    void MAS_5_first_preferred_low_stress_day_is_used() {
        Plan plan = AssessmentBuilder.ana().massageDays(DayOfWeek.SATURDAY, DayOfWeek.THURSDAY).plan();

        assertThat(days(sessions(plan))).allMatch(d -> d.getDayOfWeek() == DayOfWeek.THURSDAY);
        assertThat(plan.unmetPreferences()).isEmpty();
    }

    @Test
    void MAS_5_a_preferred_day_that_is_high_stress_is_skipped() {
        Plan plan = AssessmentBuilder.ana().massageDays(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY)
                .highStressDays(DayOfWeek.TUESDAY).plan();

        assertThat(days(sessions(plan))).allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY);
        assertThat(plan.unmetPreferences()).isEmpty();
    }

    @Test
    void MAS_5_when_every_preferred_day_is_high_stress_another_day_is_used_and_said() {
        Plan plan = AssessmentBuilder.ana().massageDays(DayOfWeek.TUESDAY)
                .highStressDays(DayOfWeek.MONDAY, DayOfWeek.TUESDAY).plan();

        assertThat(days(sessions(plan))).hasSize(2)
                .allMatch(d -> d.getDayOfWeek() == DayOfWeek.WEDNESDAY);
        assertThat(plan.unmetPreferences()).singleElement().asString()
                .contains("Wednesday").contains("Tuesday").contains("high-stress");
    }

    @ParameterizedTest
    @EnumSource(DayOfWeek.class)
    void MAS_5_never_on_a_high_stress_day(DayOfWeek stressed) {
        Plan plan = AssessmentBuilder.ana().massageDays(stressed).highStressDays(stressed).plan();

        assertThat(days(sessions(plan))).hasSize(2).noneMatch(d -> d.getDayOfWeek() == stressed);
    }

    @Test
    void MAS_5_buffer_after_each_session_is_kept_free() {
        Plan plan = AssessmentBuilder.knots().plan();

        assertThat(sessions(plan)).allSatisfy(s -> {
            assertThat(s.massage().bufferMinutes()).isBetween(60, 120);
            assertThat(intruders(plan, s)).isEmpty();
        });
    }

    @Test
    void MAS_5_a_late_session_keeps_its_buffer_free_past_midnight() {
        // 23:30 + 50 min + 60 min buffer runs to 01:20; exercise at 00:30 the next day would sit inside it.
        Plan plan = AssessmentBuilder.knots().massageTime(LocalTime.of(23, 30)).exerciseTime(LocalTime.of(0, 30)).plan();

        assertThat(sessions(plan)).allSatisfy(s -> assertThat(intruders(plan, s)).isEmpty());
        PlanItem light = item(plan, "massage-1-light-movement");
        assertThat(light.start()).isEqualTo(LocalDateTime.of(2026, 12, 9, 1, 20));
    }

    @Test
    void MAS_6_no_strength_on_a_massage_day() {
        Plan plan = AssessmentBuilder.ana().exerciseDays(4).plan();

        assertThat(days(of(plan, ItemKind.STRENGTH))).doesNotContainAnyElementsOf(days(sessions(plan)));
    }

    @Test
    void MAS_6_day_after_deep_tissue_holds_light_movement_only() {
        Plan plan = AssessmentBuilder.knots().exerciseDays(4).plan();
        List<LocalDate> dayAfter = sessions(plan).stream().map(s -> s.start().toLocalDate().plusDays(1)).toList();

        assertThat(days(of(plan, ItemKind.STRENGTH))).doesNotContainAnyElementsOf(dayAfter);
        assertThat(of(plan, ItemKind.LIGHT_MOVEMENT)).extracting(i -> i.start().toLocalDate())
                .containsExactlyElementsOf(dayAfter);
        assertThat(of(plan, ItemKind.LIGHT_MOVEMENT)).allSatisfy(i -> assertThat(i.rules()).contains(RuleIds.MAS_6));
    }

    @Test
    void MAS_6_swedish_needs_no_light_movement_day() {
        Plan plan = AssessmentBuilder.ana().plan();

        assertThat(of(plan, ItemKind.LIGHT_MOVEMENT)).isEmpty();
        assertThat(ChronoUnit.DAYS.between(plan.startDate(), sessions(plan).get(0).start().toLocalDate())).isEqualTo(1);
    }
}
