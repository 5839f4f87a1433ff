package dev.wellplan.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated assessments: valid by construction, across zones with gaps at 02:00, at midnight and of 30 min. */
final class AssessmentArbitraries {
    private static final Set<PainPattern> DISC = EnumSet.of(PainPattern.SUSPECTED_DISC, PainPattern.RADIATING_LEG);

    private AssessmentArbitraries() {
    }

    /** Any valid assessment, gated or not. */
    static Arbitrary<Assessment> any() {
        return assessments(Arbitraries.of(PainPattern.class), redFlags());
    }

    /** No red flag and no disc sign: the plan comes out ACTIVE. */
    static Arbitrary<Assessment> open() {
        return assessments(Arbitraries.of(EnumSet.complementOf(EnumSet.copyOf(DISC))),
                Arbitraries.just(EnumSet.noneOf(RedFlag.class)));
    }

    /** A red flag or a disc sign, or both: the plan comes out AWAITING_CLEARANCE. */
    static Arbitrary<Assessment> gated() {
        return Arbitraries.oneOf(
                assessments(Arbitraries.of(PainPattern.class), redFlags().filter(f -> !f.isEmpty())),
                assessments(Arbitraries.of(DISC), redFlags()));
    }

    private static Arbitrary<Assessment> assessments(Arbitrary<PainPattern> patterns, Arbitrary<Set<RedFlag>> flags) {
        Arbitrary<Pain> pain = Combinators.combine(Arbitraries.of(PainArea.class), Arbitraries.integers().between(0, 10),
                Arbitraries.integers().between(0, 300), patterns, Arbitraries.of(PainDriver.class).set())
                .as(Pain::new);
        return Combinators.combine(clients(), dates(), pain, flags, preferences(),
                Arbitraries.of(Equipment.class).set()).as(Assessment::new);
    }

    static Arbitrary<Set<RedFlag>> redFlags() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(Set.<RedFlag>of())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(RedFlag.class).set().ofMinSize(1).ofMaxSize(3)));
    }

    private static Arbitrary<Client> clients() {
        return zones().map(zone -> new Client("Client", "client@example.com", zone));
    }

    static Arbitrary<ZoneId> zones() {
        return Arbitraries.of("Europe/Berlin", "America/New_York", "Europe/Lisbon", "UTC", "Asia/Kolkata",
                "Australia/Lord_Howe", "America/Santiago", "America/Havana", "Asia/Beirut", "Pacific/Auckland")
                .map(ZoneId::of);
    }

    static Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 4 * 365).map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
    }

    private static Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60));
    }

    private static Arbitrary<Preferences> preferences() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set();
        Arbitrary<Set<DayOfWeek>> stress = Arbitraries.of(DayOfWeek.class).set().ofMaxSize(6);
        Arbitrary<QuietHours> quiet = Combinators.combine(times(), times()).filter((f, t) -> !f.equals(t))
                .as(QuietHours::new);
        return Combinators.combine(days, stress, times(), times(), Arbitraries.integers().between(2, 4),
                Arbitraries.of(Pressure.class).injectNull(0.2), quiet).as(Preferences::new);
    }
}
