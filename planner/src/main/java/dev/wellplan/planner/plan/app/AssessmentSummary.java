package dev.wellplan.planner.plan.app;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Equipment;
import dev.wellplan.rules.PainArea;
import dev.wellplan.rules.PainDriver;
import dev.wellplan.rules.PainPattern;
import dev.wellplan.rules.Pressure;
import dev.wellplan.rules.RedFlag;

/**
 * What a client answered at enrollment, as the coach's plan page shows it: the health answers the plan was built from
 * (so reading it is audited like the plan). {@code forgotten} when an unconfirmed enrollment's answers were deleted.
 */
public record AssessmentSummary(String clientName, boolean forgotten, LocalDate startDate, PainArea area,
                                Integer intensity, Integer weeks, PainPattern pattern, Set<PainDriver> drivers,
                                Set<RedFlag> redFlags, Set<DayOfWeek> massageDays, Set<DayOfWeek> highStressDays,
                                LocalTime massageTime, LocalTime exerciseTime, Integer exerciseDaysPerWeek,
                                Pressure pressure, LocalTime quietFrom, LocalTime quietTo, Set<Equipment> equipment) {

    static AssessmentSummary of(String clientName, Assessment a) {
        if (a == null || a.pain() == null || a.preferences() == null) {
            return new AssessmentSummary(clientName, true, null, null, null, null, null, Set.of(), Set.of(), Set.of(),
                    Set.of(), null, null, null, null, null, null, Set.of());
        }
        var p = a.preferences();
        var quiet = p.quietHours();
        return new AssessmentSummary(clientName, false, a.startDate(), a.pain().area(), a.pain().intensity(),
                a.pain().weeks(), a.pain().pattern(), a.pain().drivers(), a.redFlags(), p.massageDays(),
                p.highStressDays(), p.massageTime(), p.exerciseTime(), p.exerciseDaysPerWeek(), p.pressure(),
                quiet == null ? null : quiet.from(), quiet == null ? null : quiet.to(), a.equipment());
    }

    /** The red flags, for "none" checks in a template. */
    public List<RedFlag> flagList() {
        return redFlags.stream().sorted().toList();
    }
}
