package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ACT-3: self-massage in the evening on the rest days between the two professional sessions, for a
 * client who owns a foam roller or a lacrosse ball. Strength and light-movement days are left alone.
 */
final class SelfMassageSchedule {
    static final LocalTime EVENING = LocalTime.of(19, 30);
    static final int MINUTES = 10;
    private static final String TITLE = "Self-massage, 10 min: muscles only, never straight on the spine";

    private SelfMassageSchedule() {
    }

    static List<PlanItem> items(PlanContext ctx, LocalDate firstSession, LocalDate secondSession, Set<LocalDate> busy) {
        if (!SelfMassageCatalog.ownsTool(ctx.equipment())) {
            return List.of();
        }
        List<Exercise> routine = SelfMassageCatalog.routine(ctx.equipment());
        List<String> rules = List.of(RuleIds.ACT_3);
        List<PlanItem> items = new ArrayList<>(8);
        for (LocalDate day = firstSession.plusDays(1); day.isBefore(secondSession); day = day.plusDays(1)) {
            LocalDateTime at = ctx.clock().at(day, EVENING);
            if (!busy.contains(day) && !ctx.windows().overlaps(at, MINUTES)) {
                items.add(new PlanItem("self-massage-" + day, ItemKind.SELF_MASSAGE, at, MINUTES, TITLE,
                        null, routine, rules));
            }
        }
        return items;
    }
}
