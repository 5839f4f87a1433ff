package dev.wellplan.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/** Test data: starts as the example assessment of product.md (Ana, Lisbon, Monday 2026-12-07). */
final class AssessmentBuilder {
    String name = "Ana Souza";
    String email = "ana@example.com";
    ZoneId zone = ZoneId.of("Europe/Lisbon");
    LocalDate startDate = LocalDate.of(2026, 12, 7);
    PainArea area = PainArea.LOWER_BACK;
    int intensity = 6;
    int weeks = 16;
    PainPattern pattern = PainPattern.NON_SPECIFIC;
    Set<PainDriver> drivers = EnumSet.of(PainDriver.STRESS);
    Set<RedFlag> redFlags = EnumSet.noneOf(RedFlag.class);
    Set<DayOfWeek> massageDays = EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY);
    Set<DayOfWeek> highStressDays = EnumSet.of(DayOfWeek.MONDAY);
    LocalTime massageTime = LocalTime.of(10, 0);
    LocalTime exerciseTime = LocalTime.of(7, 30);
    int exerciseDays = 3;
    Pressure pressure = Pressure.MEDIUM;
    QuietHours quietHours = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0));
    Set<Equipment> equipment = EnumSet.of(Equipment.FOAM_ROLLER, Equipment.LACROSSE_BALL);

    static AssessmentBuilder ana() {
        return new AssessmentBuilder();
    }

    /** Chronic knots, no stress: the profile that gets deep tissue (MAS-3). */
    static AssessmentBuilder knots() {
        return ana().pattern(PainPattern.MUSCLE_KNOTS).drivers(PainDriver.POSTURE);
    }

    AssessmentBuilder pattern(PainPattern p) { pattern = p; return this; }
    AssessmentBuilder drivers(PainDriver... d) { drivers = d.length == 0 ? EnumSet.noneOf(PainDriver.class) : EnumSet.of(d[0], d); return this; }
    AssessmentBuilder redFlags(RedFlag... f) { redFlags = f.length == 0 ? EnumSet.noneOf(RedFlag.class) : EnumSet.of(f[0], f); return this; }
    AssessmentBuilder massageDays(DayOfWeek... d) { massageDays = d.length == 0 ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.of(d[0], d); return this; }
    AssessmentBuilder highStressDays(DayOfWeek... d) { highStressDays = d.length == 0 ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.of(d[0], d); return this; }
    AssessmentBuilder equipment(Equipment... e) { equipment = e.length == 0 ? EnumSet.noneOf(Equipment.class) : EnumSet.of(e[0], e); return this; }
    AssessmentBuilder pressure(Pressure p) { pressure = p; return this; }
    AssessmentBuilder intensity(int i) { intensity = i; return this; }
    AssessmentBuilder exerciseDays(int n) { exerciseDays = n; return this; }
    AssessmentBuilder massageTime(LocalTime t) { massageTime = t; return this; }
    AssessmentBuilder exerciseTime(LocalTime t) { exerciseTime = t; return this; }
    AssessmentBuilder start(LocalDate d) { startDate = d; return this; }
    AssessmentBuilder zone(String z) { zone = ZoneId.of(z); return this; }
    AssessmentBuilder email(String e) { email = e; return this; }
    AssessmentBuilder name(String n) { name = n; return this; }
    AssessmentBuilder quietHours(QuietHours q) { quietHours = q; return this; }

    Assessment build() {
        return new Assessment(new Client(name, email, zone), startDate,
                new Pain(area, intensity, weeks, pattern, drivers), redFlags,
                new Preferences(massageDays, highStressDays, massageTime, exerciseTime, exerciseDays, pressure, quietHours),
                equipment);
    }

    Plan plan() {
        return PlanRules.createPlan(build());
    }
}
