package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A four-week plan (LIF-1): items sorted by start, client-facing guidance, the preferences the
 * rules could not honour, and how urgently the client must see a doctor (SAFE-1).
 * {@code holds} are the stretches a coach paused; {@code addedItems} counts the items coach adjustments have
 * added over the plan's life, so the next one gets an id no item of the plan ever had. Plans stored before
 * either existed read as having none.
 */
public record Plan(PlanStatus status, ZoneId timeZone, LocalDate startDate, LocalDate endDate,
                   List<PlanItem> items, List<String> guidance, List<String> unmetPreferences,
                   Urgency urgency, List<Hold> holds, int addedItems) {

    public Plan {
        items = List.copyOf(items);
        guidance = List.copyOf(guidance);
        unmetPreferences = List.copyOf(unmetPreferences);
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    /** A plan no coach has paused or added to. */
    public Plan(PlanStatus status, ZoneId timeZone, LocalDate startDate, LocalDate endDate, List<PlanItem> items,
                List<String> guidance, List<String> unmetPreferences, Urgency urgency) {
        this(status, timeZone, startDate, endDate, items, guidance, unmetPreferences, urgency, List.of(), 0);
    }

    /** The item with this id, if the plan has it. */
    public Optional<PlanItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
