package dev.wellplan.rules;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One thing on the plan, at a local wall-clock {@code start} in the plan's zone.
 * {@code id} is deterministic (the notifier derives reminder keys and calendar UIDs from it) and stable across
 * versions: a moved item keeps it. {@code rules} names the rule ids behind the item, so a coach or client can see
 * why. {@code held} is true while a coach's pause covers the item: it stays on the plan, and no reminder goes out
 * for it (plans stored before pauses existed read as not held).
 */
public record PlanItem(String id, ItemKind kind, LocalDateTime start, int durationMinutes, String title,
                       Massage massage, List<Exercise> exercises, List<String> rules, boolean held) {

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

    /** An item no pause holds. */
    public PlanItem(String id, ItemKind kind, LocalDateTime start, int durationMinutes, String title,
                    Massage massage, List<Exercise> exercises, List<String> rules) {
        this(id, kind, start, durationMinutes, title, massage, exercises, rules, false);
    }

    /** When the item ends, in local time. */
    public LocalDateTime end() {
        return start.plusMinutes(durationMinutes);
    }

    PlanItem withStart(LocalDateTime newStart) {
        return new PlanItem(id, kind, newStart, durationMinutes, title, massage, exercises, rules, held);
    }

    PlanItem withHeld(boolean isHeld) {
        return isHeld == held ? this : new PlanItem(id, kind, start, durationMinutes, title, massage, exercises, rules,
                isHeld);
    }

    PlanItem withExercises(List<Exercise> newExercises) {
        return new PlanItem(id, kind, start, durationMinutes, title, massage, newExercises, rules, held);
    }
}
