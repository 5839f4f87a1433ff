package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/** What the schedulers of one active plan share while it is being built. */
record PlanContext(LocalDate start, WallClock clock, SessionWindows windows, Preferences preferences,
                   Set<LocalDate> blockedForStrength, StrengthCatalog.Track track, Set<Equipment> equipment,
                   boolean discSigns) {

    LocalTime exerciseTime() {
        return preferences.exerciseTime();
    }

    int exerciseDays() {
        return preferences.exerciseDaysPerWeek();
    }
}
