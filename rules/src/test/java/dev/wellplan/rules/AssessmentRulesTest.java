package dev.wellplan.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AssessmentRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void the_example_assessment_is_valid() {
        assertThat(AssessmentRules.validate(AssessmentBuilder.ana().build(), TODAY)).isEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                bad("client.name", b -> b.name = "  "),
                bad("client.name", b -> b.name = "x".repeat(201)),
                bad("client.email", b -> b.email = "ana@"),
                bad("client.email", b -> b.email = "ana example@x.com"),
                bad("client.email", b -> b.email = "ana@example"),
                bad("client.email", b -> b.email = "ana..souza@example.com"),
                bad("client.timeZone", b -> b.zone = null),
                bad("pain.intensity", b -> b.intensity = 11),
                bad("pain.intensity", b -> b.intensity = -1),
                bad("pain.weeks", b -> b.weeks = -1),
                bad("pain.pattern", b -> b.pattern = null),
                bad("pain.area", b -> b.area = null),
                bad("pain.drivers", b -> b.drivers = null),
                bad("redFlags", b -> b.redFlags = null),
                bad("redFlags", b -> b.redFlags = nullElement()),
                bad("equipment", b -> b.equipment = null),
                bad("preferences.massageDays", b -> b.massageDays = null),
                bad("preferences.highStressDays", b -> b.highStressDays = EnumSet.allOf(DayOfWeek.class)),
                bad("preferences.massageTime", b -> b.massageTime = null),
                bad("preferences.exerciseTime", b -> b.exerciseTime = null),
                bad("preferences.exerciseDaysPerWeek", b -> b.exerciseDays = 1),
                bad("preferences.exerciseDaysPerWeek", b -> b.exerciseDays = 5),
                bad("preferences.quietHours", b -> b.quietHours = new QuietHours(LocalTime.NOON, LocalTime.NOON)),
                bad("preferences.quietHours.from", b -> b.quietHours = new QuietHours(null, LocalTime.NOON)),
                bad("startDate", b -> b.startDate = null),
                bad("startDate", b -> b.startDate = TODAY.minusDays(1)),
                bad("startDate", b -> b.startDate = TODAY.plusYears(1).plusDays(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void a_broken_field_is_named_by_its_json_path(String field, Consumer<AssessmentBuilder> breakIt) {
        AssessmentBuilder builder = AssessmentBuilder.ana();
        breakIt.accept(builder);

        assertThat(AssessmentRules.validate(builder.build(), TODAY)).extracting(Violation::field).containsExactly(field);
    }

    @ParameterizedTest
    @CsvSource({"0, true", "365, true", "366, false", "-1, false"})
    void start_date_from_today_to_a_year_ahead(int daysFromToday, boolean valid) {
        Assessment a = AssessmentBuilder.ana().start(TODAY.plusDays(daysFromToday)).build();

        assertThat(AssessmentRules.validate(a, TODAY).isEmpty()).isEqualTo(valid);
    }

    @Test
    void nulls_are_reported_as_required() {
        Assessment empty = new Assessment(null, null, null, null, null, null);

        assertThat(AssessmentRules.validate(empty, TODAY)).allMatch(v -> v.message().equals("is required"))
                .extracting(Violation::field)
                .containsExactly("client", "startDate", "pain", "redFlags", "preferences", "equipment");
        assertThat(AssessmentRules.validate(null)).containsExactly(new Violation("assessment", "is required"));
    }

    @Test
    void no_preferred_massage_day_and_no_stated_pressure_are_fine() {
        Assessment a = AssessmentBuilder.ana().massageDays().pressure(null).build();

        assertThat(AssessmentRules.validate(a, TODAY)).isEmpty();
        assertThat(PlanRules.createPlan(a).unmetPreferences()).isEmpty();
    }

    @Test
    void create_plan_refuses_an_invalid_assessment_naming_every_field() {
        AssessmentBuilder b = AssessmentBuilder.ana().intensity(12).exerciseDays(7);

        assertThatThrownBy(b::plan).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("pain.intensity", "preferences.exerciseDaysPerWeek"));
    }

    private static Arguments bad(String field, Consumer<AssessmentBuilder> breakIt) {
        return Arguments.of(field, breakIt);
    }

    private static Set<RedFlag> nullElement() {
        Set<RedFlag> flags = new HashSet<>();
        flags.add(null);
        return flags;
    }
}
