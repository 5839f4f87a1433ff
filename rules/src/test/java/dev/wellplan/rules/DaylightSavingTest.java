package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.of;
import static dev.wellplan.rules.PlanQueries.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Items are local times: across a DST change the wall clock stays put and the UTC instant moves. */
class DaylightSavingTest {

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            "Europe/Berlin,    2026-03-23, +01:00, +02:00, PT335H",  // clocks go forward on 29 March
            "America/New_York, 2026-10-26, -04:00, -05:00, PT337H"}) // clocks go back on 1 November
    void LIF_1_a_plan_crossing_a_dst_change_keeps_its_local_times(String zone, LocalDate start, ZoneOffset before,
                                                                 ZoneOffset after, Duration betweenSessions) {
        Plan plan = AssessmentBuilder.ana().zone(zone).start(start).plan();

        assertThat(of(plan, ItemKind.STRENGTH)).hasSize(12).allSatisfy(w ->
                assertThat(w.start().atZone(plan.timeZone()).toLocalTime()).isEqualTo(LocalTime.of(7, 30)));
        assertThat(of(plan, ItemKind.STRENGTH)).extracting(w -> w.start().atZone(plan.timeZone()).getOffset())
                .contains(before, after);
        ZonedDateTime first = sessions(plan).get(0).start().atZone(plan.timeZone());
        ZonedDateTime second = sessions(plan).get(1).start().atZone(plan.timeZone());
        assertThat(first.toLocalTime()).isEqualTo(second.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(first.getOffset()).isEqualTo(before);
        assertThat(second.getOffset()).isEqualTo(after);
        assertThat(Duration.between(first.toInstant(), second.toInstant())).isEqualTo(betweenSessions);
    }

    @Test
    void LIF_1_a_time_that_does_not_exist_moves_forward_by_the_gap() {
        // 02:30 on 29 March 2026 does not exist in Berlin; the wall clock reads 03:30 an hour after 01:30.
        Plan plan = AssessmentBuilder.ana().zone("Europe/Berlin").start(LocalDate.of(2026, 3, 23))
                .massageDays(DayOfWeek.SUNDAY).highStressDays().massageTime(LocalTime.of(2, 30)).plan();

        assertThat(sessions(plan).get(0).start()).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30));
        assertThat(sessions(plan).get(1).start()).isEqualTo(LocalDateTime.of(2026, 4, 12, 2, 30));
        assertThat(plan.items()).allSatisfy(i ->
                assertThat(i.start().atZone(plan.timeZone()).toLocalDateTime()).isEqualTo(i.start()));
    }

    @Test
    void LIF_1_a_time_that_occurs_twice_is_kept_as_given() {
        // 01:30 on 1 November 2026 happens twice in New York; the local time stays, the notifier picks the instant.
        Plan plan = AssessmentBuilder.ana().zone("America/New_York").start(LocalDate.of(2026, 10, 26))
                .massageDays(DayOfWeek.SUNDAY).highStressDays().massageTime(LocalTime.of(1, 30)).plan();

        assertThat(sessions(plan).get(0).start()).isEqualTo(LocalDateTime.of(2026, 11, 1, 1, 30));
    }
}
