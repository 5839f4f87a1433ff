package dev.wellplan.rules;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One thing on the plan, at a local wall-clock {@code start} in the plan's zone.
 * {@code id} is deterministic (the notifier derives reminder keys and calendar UIDs from it);
 * {@code rules} names the rule ids behind the item, so a coach or client can see why.
 */
public record PlanItem(String id, ItemKind kind, LocalDateTime start, int durationMinutes, String title,
                       Massage massage, List<Exercise> exercises, List<String> rules) {

    public PlanItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("plan item " + id + " names no rule");
        }
    }

    /** When the item ends, in local time. */
    public LocalDateTime end() {
        return start.plusMinutes(durationMinutes);
    }
}
