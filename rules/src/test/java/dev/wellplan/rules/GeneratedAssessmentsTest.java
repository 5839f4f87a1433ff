package dev.wellplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The generator behind the property tests: valid assessments only, the whole input space reached within
 * the default number of cases, and every case reproducible from its seed and index.
 */
class GeneratedAssessmentsTest {
    private static final long SEED = PropertyCheck.DEFAULT_SEED;
    private static final int CASES = PropertyCheck.DEFAULT_CASES;

    private static List<Assessment> drawn(Function<GeneratedAssessments, Assessment> draw) {
        return IntStream.range(0, CASES).mapToObj(i -> draw.apply(GeneratedAssessments.forCase(SEED, i))).toList();
    }

    @Test
    void every_generated_assessment_is_valid_and_lands_on_the_right_side_of_the_gate() {
        List<Assessment> any = drawn(GeneratedAssessments::any);
        List<Assessment> open = drawn(GeneratedAssessments::open);
        List<Assessment> gated = drawn(GeneratedAssessments::gated);

        assertThat(any).allSatisfy(a -> assertThat(AssessmentRules.validate(a)).as("%s", a).isEmpty());
        assertThat(open).allSatisfy(a -> assertThat(AssessmentRules.validate(a)).as("%s", a).isEmpty());
        assertThat(gated).allSatisfy(a -> assertThat(AssessmentRules.validate(a)).as("%s", a).isEmpty());
        assertThat(open).noneMatch(SafetyGate::needsClearance);
        assertThat(gated).allMatch(SafetyGate::needsClearance);
        assertThat(any).anyMatch(SafetyGate::needsClearance).anyMatch(a -> !SafetyGate.needsClearance(a));
        assertThat(gated).anyMatch(a -> a.redFlags().isEmpty()).anyMatch(a -> !SafetyGate.discSigns(a.pain()));
    }

    @Test
    void the_default_cases_reach_the_whole_input_space() {
        List<Assessment> any = drawn(GeneratedAssessments::any);

        assertThat(any).extracting(a -> a.client().timeZone()).containsAll(GeneratedAssessments.ZONES)
                .contains(ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneId.of("Pacific/Auckland"),
                        ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Kolkata"), ZoneId.of("Africa/Cairo"));
        assertThat(any).extracting(a -> a.pain().pattern()).contains(PainPattern.values());
        assertThat(any).extracting(a -> a.pain().area()).contains(PainArea.values());
        assertThat(any).extracting(a -> a.pain().intensity()).containsAll(IntStream.rangeClosed(0, 10).boxed().toList());
        assertThat(any).flatExtracting(a -> a.pain().drivers()).contains(PainDriver.values());
        assertThat(any).extracting(a -> a.pain().drivers().size()).contains(0, PainDriver.values().length);
        assertThat(any).flatExtracting(Assessment::redFlags).contains(RedFlag.values());
        assertThat(any).extracting(a -> a.redFlags().size()).contains(0, 1, 2, 3);
        assertThat(any).flatExtracting(Assessment::equipment).contains(Equipment.values());
        assertThat(any).extracting(a -> a.equipment().size()).contains(0, Equipment.values().length);
        assertThat(any).extracting(a -> a.preferences().exerciseDaysPerWeek()).containsOnly(2, 3, 4).contains(2, 3, 4);
        assertThat(any).extracting(a -> a.preferences().pressure()).contains(Pressure.values()).containsNull();
        assertThat(any).extracting(a -> a.preferences().massageDays().size()).contains(0, 1, 7);
        assertThat(any).extracting(a -> a.preferences().highStressDays().size()).contains(0, 6).doesNotContain(7);
        assertThat(any).as("impossible preferences: every preferred day is high-stress")
                .anyMatch(a -> !a.preferences().massageDays().isEmpty()
                        && a.preferences().highStressDays().containsAll(a.preferences().massageDays()));
        assertThat(any).as("quiet hours across midnight")
                .anyMatch(a -> a.preferences().quietHours().from().isAfter(a.preferences().quietHours().to()));
        assertThat(any).extracting(a -> a.preferences().massageTime())
                .contains(LocalTime.MIDNIGHT, LocalTime.of(2, 30), LocalTime.of(23, 59));
        assertThat(any).extracting(a -> a.preferences().exerciseTime())
                .contains(LocalTime.MIDNIGHT, LocalTime.of(2, 30), LocalTime.of(23, 59));
        assertThat(any).extracting(a -> a.startDate().getYear()).contains(2025, 2026, 2027, 2028);
        assertThat(any).extracting(a -> a.startDate().getDayOfWeek()).contains(DayOfWeek.values());
        Set<Set<DayOfWeek>> massageDaySets = new HashSet<>();
        any.forEach(a -> massageDaySets.add(a.preferences().massageDays()));
        assertThat(massageDaySets).hasSizeGreaterThan(100);
    }

    @Test
    void a_case_depends_only_on_its_seed_and_index() {
        GeneratedAssessments first = GeneratedAssessments.forCase(SEED, 17);
        GeneratedAssessments again = GeneratedAssessments.forCase(SEED, 17);
        Assessment a = first.any();
        LocalDate d = first.date();

        assertThat(again.any()).isEqualTo(a);
        assertThat(again.date()).isEqualTo(d);
        assertThat(GeneratedAssessments.forCase(SEED, 18).any()).isNotEqualTo(a);
        assertThat(GeneratedAssessments.forCase(SEED + 1, 17).any()).isNotEqualTo(a);
        Set<Assessment> distinct = new HashSet<>(drawn(GeneratedAssessments::any));
        assertThat(distinct).hasSize(CASES);
        assertThat(EnumSet.copyOf(GeneratedAssessments.DISC)).doesNotContainAnyElementsOf(GeneratedAssessments.NO_DISC);
    }

    @Test
    void a_failing_property_names_seed_case_and_input() {
        long seed = PropertyCheck.seed();

        assertThatThrownBy(() -> PropertyCheck.forAll(GeneratedAssessments::any,
                a -> assertThat(a.pain().intensity()).isGreaterThan(10)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("seed=" + seed + " case=")
                .hasMessageContaining("-Dwellplan.seed=" + seed + " -Dwellplan.case=")
                .hasMessageContaining("a_failing_property_names_seed_case_and_input")
                .hasMessageContaining("Assessment[client=Client[")
                .hasMessageContaining("intensity=");
    }
}
