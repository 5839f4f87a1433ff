package dev.wellplan.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * MAS-1..6 and AFT-1/2: the two sessions of an active plan, what hangs off each, the windows nothing
 * else may enter, and the days no strength workout may take.
 */
record SessionSchedule(List<PlanItem> items, SessionWindows windows, Set<LocalDate> noStrengthDays,
                       LocalDate first, LocalDate second) {
    static final int DAYS_APART = 14;

    static SessionSchedule plan(Assessment a, LocalDate start, boolean cleared, WallClock clock, List<String> unmet) {
        Preferences p = a.preferences();
        MassageDays.Choice day = MassageDays.choose(start, p.massageDays(), p.highStressDays());
        if (day.unmetPreference() != null) {
            unmet.add(day.unmetPreference());
        }
        Massage massage = MassageRules.massageFor(a);
        List<String> rules = MassageRules.rules(a.pain(), cleared);
        boolean deep = massage.type() == MassageType.DEEP_TISSUE;
        SessionWindows windows = new SessionWindows();
        Set<LocalDate> noStrength = new HashSet<>(8);
        List<PlanItem> sessions = new ArrayList<>(2);
        for (int n = 1; n <= 2; n++) {
            LocalDate date = day.first().plusDays(DAYS_APART * (n - 1L));
            PlanItem session = SessionItems.massage(SessionItems.sessionId(n), clock.at(date, p.massageTime()), massage, rules);
            sessions.add(session);
            windows.add(session.start(), session.durationMinutes(), massage.bufferMinutes());
            noStrength.add(date);
            if (deep) {
                noStrength.add(date.plusDays(1)); // MAS-6: light movement only the day after deep tissue
            }
        }
        List<PlanItem> items = new ArrayList<>(10);
        for (PlanItem session : sessions) {
            items.add(session);
            items.addAll(SessionItems.hangingOff(session, p.exerciseTime(), windows, clock));
        }
        return new SessionSchedule(items, windows, noStrength, day.first(), day.first().plusDays(DAYS_APART));
    }
}
