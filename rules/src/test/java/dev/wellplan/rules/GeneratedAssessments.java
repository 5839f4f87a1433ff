package dev.wellplan.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generated assessments for the property tests, drawn from a seeded {@link SplittableRandom}: valid by
 * construction, across zones with DST gaps at 02:00, at midnight and of 30 minutes.
 *
 * <p>Case {@code i} of seed {@code s} always draws the same values ({@link #forCase}), independent of the
 * other cases, so a failure reported as {@code seed=s case=i} can be replayed on its own. The small draws
 * ({@link #between}, {@link #pick}, {@link #oneOf}, ...) are for generators built on top, such as {@link Scenario}:
 * published in the rules' test-jar, so other modules' properties draw from the same seeded source.
 */
public final class GeneratedAssessments {
    static final Set<PainPattern> DISC = EnumSet.of(PainPattern.SUSPECTED_DISC, PainPattern.RADIATING_LEG);
    static final Set<PainPattern> NO_DISC = EnumSet.complementOf(EnumSet.copyOf(DISC));

    /** Gaps at 02:00 (Berlin, New York, Auckland), 30 min (Lord Howe), midnight (Cairo, Santiago, Havana, Beirut). */
    static final List<ZoneId> ZONES = List.of("Europe/Berlin", "America/New_York", "Europe/Lisbon", "UTC",
                    "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago", "America/Havana", "Asia/Beirut",
                    "Pacific/Auckland", "Africa/Cairo")
            .stream().map(ZoneId::of).toList();

    static final LocalDate FIRST_DATE = LocalDate.of(2025, 1, 1);
    static final int DATE_SPAN_DAYS = 4 * 365;

    /** Times worth hitting more often than 1 in 1440: the day's edges and the usual DST gaps and overlaps. */
    private static final List<LocalTime> EDGE_TIMES = List.of(LocalTime.MIDNIGHT, LocalTime.of(0, 30),
            LocalTime.of(1, 0), LocalTime.of(1, 30), LocalTime.of(1, 59), LocalTime.of(2, 0), LocalTime.of(2, 15),
            LocalTime.of(2, 30), LocalTime.of(2, 59), LocalTime.of(3, 0), LocalTime.of(23, 0), LocalTime.of(23, 30),
            LocalTime.of(23, 59));

    private final SplittableRandom random;

    private GeneratedAssessments(SplittableRandom random) {
        this.random = random;
    }

    /** The generator for case {@code index} of {@code seed}. */
    public static GeneratedAssessments forCase(long seed, int index) {
        long caseSeed = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (index + 1L))).nextLong();
        return new GeneratedAssessments(new SplittableRandom(caseSeed));
    }

    /** Any valid assessment, gated or not. */
    public Assessment any() {
        return assessment(pick(List.of(PainPattern.values())), redFlags());
    }

    /** No red flag and no disc sign: the plan comes out ACTIVE. */
    public Assessment open() {
        return assessment(pick(List.copyOf(NO_DISC)), EnumSet.noneOf(RedFlag.class));
    }

    /** A red flag or a disc sign, or both: the plan comes out AWAITING_CLEARANCE. */
    public Assessment gated() {
        return random.nextBoolean()
                ? assessment(pick(List.of(PainPattern.values())), subset(RedFlag.class, 1, 3))
                : assessment(pick(List.copyOf(DISC)), redFlags());
    }

    /** A day in the four years from 2025-01-01 (start dates and clearance dates). */
    LocalDate date() {
        return FIRST_DATE.plusDays(random.nextInt(DATE_SPAN_DAYS + 1));
    }

    /** One or more red flags, any of them. */
    Set<RedFlag> someRedFlags() {
        return subset(RedFlag.class, 1, RedFlag.values().length);
    }

    /** None three times in four, else one to three. */
    Set<RedFlag> redFlags() {
        return random.nextInt(4) < 3 ? EnumSet.noneOf(RedFlag.class) : subset(RedFlag.class, 1, 3);
    }

    private Assessment assessment(PainPattern pattern, Set<RedFlag> flags) {
        Client client = new Client("Client", "client@example.com", pick(ZONES));
        LocalDate start = date();
        Pain pain = new Pain(pick(List.of(PainArea.values())), random.nextInt(11), random.nextInt(301), pattern,
                subset(PainDriver.class, 0, PainDriver.values().length));
        return new Assessment(client, start, pain, flags, preferences(),
                subset(Equipment.class, 0, Equipment.values().length));
    }

    private Preferences preferences() {
        Set<DayOfWeek> massageDays;
        Set<DayOfWeek> highStress;
        if (random.nextInt(5) == 0) {
            // Impossible: every preferred day is high-stress (MAS-5 must fall back to a low-stress day).
            massageDays = subset(DayOfWeek.class, 1, 6);
            highStress = EnumSet.copyOf(massageDays);
            int total = massageDays.size() + random.nextInt(6 - massageDays.size() + 1);
            for (DayOfWeek d : shuffled(List.of(DayOfWeek.values()))) {
                if (highStress.size() >= total) {
                    break;
                }
                highStress.add(d);
            }
        } else {
            massageDays = subset(DayOfWeek.class, 0, 7);
            highStress = subset(DayOfWeek.class, 0, 6);
        }
        LocalTime quietFrom = time();
        LocalTime quietTo = time();
        while (quietTo.equals(quietFrom)) {
            quietTo = time();
        }
        Pressure pressure = random.nextInt(5) == 0 ? null : pick(List.of(Pressure.values()));
        return new Preferences(massageDays, highStress, time(), time(), 2 + random.nextInt(3), pressure,
                new QuietHours(quietFrom, quietTo));
    }

    private LocalTime time() {
        if (random.nextInt(4) == 0) {
            return pick(EDGE_TIMES);
        }
        int minute = random.nextInt(24 * 60);
        return LocalTime.of(minute / 60, minute % 60);
    }

    /** A whole number from {@code min} to {@code max}, both included, each as likely. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** One of {@code values}, each as likely. */
    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Null with probability {@code p}, else what {@code draw} draws. */
    public <T> T orNull(double p, Supplier<? extends T> draw) {
        return chance(p) ? null : draw.get();
    }

    /** {@code min..max} distinct elements of {@code values} in random order, the count uniform. */
    public <T> List<T> someOf(List<T> values, int min, int max) {
        int size = between(min, max);
        return shuffled(values).subList(0, size);
    }

    /** What one of {@code choices} draws, each chosen in proportion to its weight. */
    public <T> T oneOf(List<Weighted<T>> choices) {
        int roll = random.nextInt(choices.stream().mapToInt(Weighted::weight).sum());
        for (Weighted<T> choice : choices) {
            roll -= choice.weight();
            if (roll < 0) {
                return choice.draw().get();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** A choice for {@link #oneOf}: {@code draw}, chosen {@code weight} times in the sum of all weights. */
    public record Weighted<T>(int weight, Supplier<? extends T> draw) {
        public static <T> Weighted<T> weight(int weight, Supplier<? extends T> draw) {
            return new Weighted<>(weight, draw);
        }
    }

    /** A subset of {@code min..max} elements, its size uniform so that empty and full sets come up often. */
    private <E extends Enum<E>> Set<E> subset(Class<E> type, int min, int max) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(someOf(List.of(type.getEnumConstants()), min, max));
        return set;
    }

    private <T> List<T> shuffled(List<T> values) {
        List<T> copy = new ArrayList<>(values);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            copy.set(j, copy.set(i, copy.get(j)));
        }
        return copy;
    }
}
