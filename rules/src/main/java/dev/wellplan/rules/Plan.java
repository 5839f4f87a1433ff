package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A four-week plan (LIF-1): items sorted by start, client-facing guidance, the preferences the
 * rules could not honour, and how urgently the client must see a doctor (SAFE-1).
 */
public record Plan(PlanStatus status, ZoneId timeZone, LocalDate startDate, LocalDate endDate,
                   List<PlanItem> items, List<String> guidance, List<String> unmetPreferences,
                   Urgency urgency) {

    public Plan {
        items = List.copyOf(items);
        guidance = List.copyOf(guidance);
        unmetPreferences = List.copyOf(unmetPreferences);
    }

    /** The item with this id, if the plan has it. */
    public Optional<PlanItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
