package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ACT-1 and MAS-6: which days of each plan week hold a strength workout, at the client's exercise
 * time, never on a blocked day (massage day, the day after deep tissue, a slot inside a session's window).
 */
final class StrengthSchedule {
    static final int MINUTES = 30;
    /** BEST[count][blockedMask] is the chosen day mask, 0 if fewer than count days are free. */
    private static final int[][] BEST = bestMasks();

    private StrengthSchedule() {
    }

    /** The strength items of plan week {@code week} (1-4); reports an unmet day count into {@code unmet}. */
    static List<PlanItem> week(int week, PlanContext ctx, List<String> unmet) {
        LocalDate weekStart = ctx.start().plusWeeks(week - 1L);
        int blocked = 0;
        for (int d = 0; d < 7; d++) {
            LocalDate day = weekStart.plusDays(d);
            if (ctx.blockedForStrength().contains(day)
                    || ctx.windows().overlaps(ctx.clock().at(day, ctx.exerciseTime()), MINUTES)) {
                blocked |= 1 << d;
            }
        }
        int wanted = ctx.exerciseDays();
        int count = wanted;
        while (count > 0 && BEST[count][blocked] == 0) {
            count--;
        }
        if (count < wanted) {
            unmet.add("Week " + week + " has room for " + count + " strength days instead of " + wanted + ".");
        }
        return items(week, weekStart, BEST[count][blocked], blocked != 0, ctx);
    }

    private static List<PlanItem> items(int week, LocalDate weekStart, int mask, boolean shapedByMassage, PlanContext ctx) {
        List<Exercise> workout = StrengthCatalog.workout(week, ctx.track(), ctx.equipment());
        List<String> rules = rules(week, shapedByMassage, ctx);
        String title = title(week);
        List<PlanItem> items = new ArrayList<>(4);
        for (int d = 0, n = 1; d < 7; d++) {
            if ((mask & (1 << d)) != 0) {
                LocalDateTime at = ctx.clock().at(weekStart.plusDays(d), ctx.exerciseTime());
                items.add(new PlanItem("strength-w" + week + "-d" + n++, ItemKind.STRENGTH, at, MINUTES, title,
                        null, workout, rules));
            }
        }
        return items;
    }

    /** The title of a workout of plan week {@code week}. */
    static String title(int week) {
        return "Strength: glutes, hamstrings and back muscles (week " + week + ")";
    }

    private static List<String> rules(int week, boolean shapedByMassage, PlanContext ctx) {
        List<String> rules = new ArrayList<>(List.of(RuleIds.ACT_1, RuleIds.ACT_2));
        if (shapedByMassage) {
            rules.add(RuleIds.MAS_6);
        }
        if (ctx.track() == StrengthCatalog.Track.GENTLE && ctx.discSigns()) {
            rules.add(RuleIds.SAFE_2);
        }
        return List.copyOf(rules);
    }

    private static int[][] bestMasks() {
        int[][] best = new int[5][128];
        for (int count = 1; count <= 4; count++) {
            for (int blocked = 0; blocked < 128; blocked++) {
                int bestCost = Integer.MAX_VALUE;
                for (int mask = 1; mask < 128; mask++) { // ascending: ties go to the earlier days
                    if (Integer.bitCount(mask) == count && (mask & blocked) == 0 && cost(mask) < bestCost) {
                        bestCost = cost(mask);
                        best[count][blocked] = mask;
                    }
                }
            }
        }
        return best;
    }

    /** Back-to-back days cost most; then uneven gaps round the week (squares favour even spacing). */
    private static int cost(int mask) {
        int adjacent = Integer.bitCount(mask & (mask >> 1));
        int first = Integer.numberOfTrailingZeros(mask);
        int previous = first;
        int squares = 0;
        for (int d = first + 1; d < 7; d++) {
            if ((mask & (1 << d)) != 0) {
                squares += (d - previous) * (d - previous);
                previous = d;
            }
        }
        int wrap = 7 - previous + first;
        return adjacent * 1000 + squares + wrap * wrap;
    }
}
