package dev.wellplan.contract.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AcceleratedClockTest {

    private static final Instant ORIGIN = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void one_minute_of_real_time_is_a_day_at_speed_1440() {
        Clock base = Clock.fixed(ORIGIN.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);

        assertThat(new AcceleratedClock(base, ORIGIN, 1440).instant()).isEqualTo(ORIGIN.plus(Duration.ofDays(1)));
    }

    @Test
    void two_clocks_with_the_same_origin_agree_whenever_they_were_made() {
        Clock base = Clock.fixed(ORIGIN.plusSeconds(90), ZoneOffset.UTC);

        assertThat(new AcceleratedClock(base, ORIGIN, 600).instant())
                .isEqualTo(new AcceleratedClock(base, ORIGIN, 600).instant())
                .isEqualTo(ORIGIN.plusSeconds(90 * 600));
    }

    @Test
    void speed_one_is_the_base_clock_and_zones_carry_over() {
        Clock base = Clock.fixed(ORIGIN.plusSeconds(30), ZoneOffset.UTC);
        Clock lisbon = new AcceleratedClock(base, ORIGIN, 1).withZone(ZoneId.of("Pacific/Auckland"));

        assertThat(lisbon.instant()).isEqualTo(base.instant());
        assertThat(LocalDate.now(lisbon)).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void slower_than_real_time_or_nonsense_speeds_are_refused() {
        assertThatThrownBy(() -> new AcceleratedClock(Clock.systemUTC(), ORIGIN, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AcceleratedClock(Clock.systemUTC(), ORIGIN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_the_local_and_test_profiles_may_speed_time_up() {
        assertThat(AcceleratedClock.select(1, null, java.util.List.of("prod"))).isEqualTo(Clock.systemUTC());
        assertThat(AcceleratedClock.select(1440, ORIGIN, java.util.List.of("local"))).isInstanceOf(AcceleratedClock.class);
        assertThat(AcceleratedClock.select(1440, ORIGIN, java.util.List.of("test"))).isInstanceOf(AcceleratedClock.class);
        assertThatThrownBy(() -> AcceleratedClock.select(1440, ORIGIN, java.util.List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("local stack and tests only");
    }

    @Test
    void a_start_lets_the_fast_clock_begin_at_a_chosen_moment() {
        Instant start = Instant.parse("2027-03-01T12:00:00Z");
        Clock base = Clock.fixed(ORIGIN.plusSeconds(10), ZoneOffset.UTC);

        assertThat(new AcceleratedClock(base, ORIGIN, start, 3600).instant()).isEqualTo(start.plus(Duration.ofHours(10)));
        Clock before = Clock.fixed(ORIGIN.minusSeconds(10), ZoneOffset.UTC);
        assertThat(new AcceleratedClock(before, ORIGIN, start, 3600).instant()).as("stands still until the origin").isEqualTo(start);
        assertThatThrownBy(() -> AcceleratedClock.select(1, ORIGIN, start, java.util.List.of("prod")))
                .isInstanceOf(IllegalStateException.class);
    }
}
