package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.days;
import static dev.wellplan.rules.PlanQueries.of;
import static dev.wellplan.rules.PlanQueries.sessions;
import static dev.wellplan.rules.PlanQueries.week;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActiveWorkRulesTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void ACT_1_chosen_number_of_strength_days_each_week_off_massage_days(int perWeek) {
        Plan plan = AssessmentBuilder.knots().exerciseDays(perWeek).plan();
        Map<Integer, List<PlanItem>> byWeek = of(plan, ItemKind.STRENGTH).stream()
                .collect(Collectors.groupingBy(i -> week(plan, i)));

        assertThat(byWeek).containsOnlyKeys(1, 2, 3, 4).allSatisfy((week, workouts) -> {
            assertThat(workouts).hasSize(perWeek);
            assertThat(days(workouts)).hasSize(perWeek);
        });
        assertThat(of(plan, ItemKind.STRENGTH)).allSatisfy(w -> {
            assertThat(w.start().toLocalTime()).isEqualTo(LocalTime.of(7, 30));
            assertThat(w.exercises()).flatExtracting(Exercise::targets).containsOnly(Target.values());
            assertThat(w.rules()).contains(RuleIds.ACT_1, RuleIds.ACT_2);
        });
        assertThat(days(of(plan, ItemKind.STRENGTH))).doesNotContainAnyElementsOf(days(sessions(plan)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void ACT_1_workouts_are_spread_with_no_back_to_back_days(int perWeek) {
        List<LocalDate> dates = of(AssessmentBuilder.knots().exerciseDays(perWeek).plan(), ItemKind.STRENGTH)
                .stream().map(i -> i.start().toLocalDate()).sorted().toList();

        for (int i = 1; i < dates.size(); i++) {
            assertThat(dates.get(i)).isAfter(dates.get(i - 1).plusDays(1));
        }
    }

    @Test
    void ACT_1_example_week_is_monday_wednesday_friday() {
        Plan plan = AssessmentBuilder.ana().plan();

        assertThat(of(plan, ItemKind.STRENGTH)).filteredOn(i -> week(plan, i) == 1)
                .extracting(PlanItem::id, i -> i.start().toLocalDate().getDayOfWeek().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("strength-w1-d1", "MONDAY"),
                        org.assertj.core.groups.Tuple.tuple("strength-w1-d2", "WEDNESDAY"),
                        org.assertj.core.groups.Tuple.tuple("strength-w1-d3", "FRIDAY"));
    }

    @Test
    void ACT_2_standard_track_moves_to_harder_variants() {
        Plan plan = AssessmentBuilder.ana().plan();

        // A harder variant may restart at fewer reps; the same exercise never gets easier.
        for (int week = 1; week < 4; week++) {
            Map<String, Integer> now = volumeByExercise(plan, week);
            volumeByExercise(plan, week + 1).forEach((name, next) -> {
                if (now.containsKey(name)) {
                    assertThat(next).as(name).isGreaterThanOrEqualTo(now.get(name));
                }
            });
        }
        assertThat(workoutOfWeek(plan, 1)).contains("Glute bridge", "Bird dog");
        assertThat(workoutOfWeek(plan, 3)).contains("Single-leg glute bridge", "Superman (back extension)");
        assertThat(workoutOfWeek(plan, 4)).contains("Hamstring bridge walk-out");
    }

    @ParameterizedTest
    @CsvSource({"NON_SPECIFIC, 8, false", "SUSPECTED_DISC, 4, true", "RADIATING_LEG, 2, true"})
    void ACT_2_gentle_track_keeps_base_movements_and_adds_sets_and_reps(PainPattern pattern, int intensity, boolean disc) {
        Assessment a = AssessmentBuilder.ana().pattern(pattern).intensity(intensity).build();
        Plan plan = disc ? PlanRules.clear(PlanRules.createPlan(a), a, a.startDate()) : PlanRules.createPlan(a);
        List<Integer> volumes = weeklyVolume(plan);

        assertThat(volumes.get(0)).isLessThan(volumes.get(1));
        assertThat(volumes.get(1)).isLessThan(volumes.get(2));
        assertThat(volumes.get(2)).isLessThan(volumes.get(3));
        for (int week = 2; week <= 4; week++) {
            assertThat(workoutOfWeek(plan, week)).isEqualTo(workoutOfWeek(plan, 1));
        }
        assertThat(of(plan, ItemKind.STRENGTH)).allSatisfy(
                w -> assertThat(w.rules().contains(RuleIds.SAFE_2)).isEqualTo(disc));
    }

    @ParameterizedTest
    @CsvSource({"'', 0", "FOAM_ROLLER, 2", "LACROSSE_BALL, 3", "FOAM_ROLLER LACROSSE_BALL, 3",
            "RESISTANCE_BAND DOWEL MAT, 0"})
    void ACT_3_self_massage_only_with_a_roller_or_ball(String owned, int exercises) {
        Set<Equipment> equipment = owned.isBlank() ? EnumSet.noneOf(Equipment.class)
                : java.util.Arrays.stream(owned.split(" ")).map(Equipment::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Equipment.class)));
        AssessmentBuilder builder = AssessmentBuilder.ana();
        builder.equipment = equipment;
        Plan plan = builder.plan();

        List<PlanItem> selfMassage = of(plan, ItemKind.SELF_MASSAGE);
        assertThat(selfMassage.isEmpty()).isEqualTo(exercises == 0);
        assertThat(selfMassage).allSatisfy(i -> assertThat(i.exercises()).hasSize(exercises));
    }

    @Test
    void ACT_3_self_massage_evenings_between_sessions_never_on_the_spine() {
        Plan plan = AssessmentBuilder.ana().plan();
        LocalDate first = sessions(plan).get(0).start().toLocalDate();
        LocalDate second = sessions(plan).get(1).start().toLocalDate();
        List<PlanItem> selfMassage = of(plan, ItemKind.SELF_MASSAGE);

        assertThat(selfMassage).extracting(PlanItem::id).containsExactly("self-massage-2026-12-10",
                "self-massage-2026-12-12", "self-massage-2026-12-13", "self-massage-2026-12-15",
                "self-massage-2026-12-17", "self-massage-2026-12-19", "self-massage-2026-12-20");
        assertThat(selfMassage).allSatisfy(i -> {
            assertThat(i.start().toLocalDate()).isAfter(first).isBefore(second);
            assertThat(i.start().toLocalTime()).isEqualTo(LocalTime.of(19, 30));
            assertThat(i.rules()).containsExactly(RuleIds.ACT_3);
            assertThat(i.exercises()).allSatisfy(e -> assertThat(e.cue()).containsIgnoringCase("never")
                    .contains("spine"));
        });
        assertThat(days(selfMassage)).doesNotContainAnyElementsOf(days(of(plan, ItemKind.STRENGTH)));
    }

    @Test
    void ACT_4_sessions_are_framed_as_the_primer_for_movement() {
        Plan plan = AssessmentBuilder.ana().plan();

        assertThat(plan.guidance().get(0)).contains("movement treats the cause").contains("primer");
        assertThat(sessions(plan)).allSatisfy(s -> {
            assertThat(s.rules()).contains(RuleIds.ACT_4);
            assertThat(Guidance.forItem(s)).contains("primer");
        });
    }

    private static List<Integer> weeklyVolume(Plan plan) {
        return List.of(1, 2, 3, 4).stream().map(week -> of(plan, ItemKind.STRENGTH).stream()
                .filter(i -> week(plan, i) == week).findFirst().orElseThrow().exercises().stream()
                .mapToInt(e -> e.sets() * e.reps()).sum()).toList();
    }

    private static Map<String, Integer> volumeByExercise(Plan plan, int week) {
        return of(plan, ItemKind.STRENGTH).stream().filter(i -> week(plan, i) == week).findFirst().orElseThrow()
                .exercises().stream().collect(Collectors.toMap(Exercise::name, e -> e.sets() * e.reps()));
    }

    private static List<String> workoutOfWeek(Plan plan, int week) {
        return of(plan, ItemKind.STRENGTH).stream().filter(i -> week(plan, i) == week).findFirst().orElseThrow()
                .exercises().stream().map(Exercise::name).toList();
    }
}
