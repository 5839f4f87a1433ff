package dev.wellplan.rules;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * What the client would like. {@code massageDays} may be empty (no preference);
 * {@code pressure} may be null and then means MEDIUM (MAS-4).
 */
public record Preferences(Set<DayOfWeek> massageDays, Set<DayOfWeek> highStressDays, LocalTime massageTime,
                          LocalTime exerciseTime, int exerciseDaysPerWeek, Pressure pressure,
                          QuietHours quietHours) {

    /** ACT-1: three strength days a week unless the client chose 2-4; for API layers filling a gap. */
    public static final int DEFAULT_EXERCISE_DAYS = 3;
}
