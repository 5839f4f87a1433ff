package dev.wellplan.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects violations so a caller hears about every bad field at once, not the first only. */
final class Violations {
    private final List<Violation> list = new ArrayList<>();

    /** Reports a null as "is required"; returns whether the value is present, to guard nested checks. */
    boolean required(String field, Object value) {
        if (value == null) {
            list.add(new Violation(field, "is required"));
            return false;
        }
        return true;
    }

    /** A required collection whose elements must not be null either. */
    boolean requiredElements(String field, Collection<?> values) {
        if (!required(field, values)) {
            return false;
        }
        boolean clean = values.stream().noneMatch(v -> v == null);
        check(clean, field, "must not contain null");
        return clean;
    }

    void range(int value, int min, int max, String field) {
        check(value >= min && value <= max, field, "must be between " + min + " and " + max);
    }

    void check(boolean ok, String field, String message) {
        if (!ok) {
            list.add(new Violation(field, message));
        }
    }

    List<Violation> list() {
        return List.copyOf(list);
    }
}
