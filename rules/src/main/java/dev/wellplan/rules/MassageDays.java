package dev.wellplan.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * MAS-1/MAS-5: the day of the first session in plan week 1. The second comes 14 days later, on the
 * same weekday, so one low-stress weekday serves both.
 */
final class MassageDays {

    /** The chosen first date, and a note for the client when no preferred day could be used. */
    record Choice(LocalDate first, String unmetPreference) {}

    private MassageDays() {
    }

    /**
     * The earliest preferred day of week 1 that is not high-stress; failing that, the low-stress day
     * nearest to a preferred one (a high-stress day is never used, a preference may be).
     */
    static Choice choose(LocalDate weekStart, Set<DayOfWeek> preferred, Set<DayOfWeek> highStress) {
        LocalDate best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            LocalDate day = weekStart.plusDays(i);
            int distance = distance(day.getDayOfWeek(), preferred);
            if (!highStress.contains(day.getDayOfWeek()) && distance < bestDistance) {
                best = day;
                bestDistance = distance;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("every day of the week is marked high-stress");
        }
        return new Choice(best, bestDistance == 0 ? null : note(best.getDayOfWeek(), preferred));
    }

    /** Days between {@code day} and the nearest preferred weekday, round the week; 0 with no preference. */
    private static int distance(DayOfWeek day, Set<DayOfWeek> preferred) {
        int best = preferred.isEmpty() ? 0 : 7;
        for (DayOfWeek p : preferred) {
            int d = Math.abs(p.getValue() - day.getValue());
            best = Math.min(best, Math.min(d, 7 - d));
        }
        return best;
    }

    private static String note(DayOfWeek chosen, Set<DayOfWeek> preferred) {
        String days = preferred.stream().sorted().map(MassageDays::name).collect(Collectors.joining(", "));
        return "Massage sessions are on " + name(chosen) + " instead of your preferred " + days
                + ", because those days are marked high-stress.";
    }

    static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
