package dev.wellplan.rules;

import java.time.LocalDateTime;

/**
 * The time each massage session takes for itself: the session plus its free buffer (MAS-5).
 * Nothing else of the plan may start or run inside a window; a late session's buffer can cross midnight.
 * Times are compared as local minutes since the epoch, so the many checks of a plan allocate nothing.
 */
final class SessionWindows {
    private final long[] starts = new long[2];
    private final long[] ends = new long[2];
    private int size;

    void add(LocalDateTime sessionStart, int minutes, int bufferMinutes) {
        long start = minutes(sessionStart);
        if (size == starts.length) {
            throw new IllegalStateException("a plan holds two sessions (MAS-1)");
        }
        starts[size] = start;
        ends[size++] = start + minutes + bufferMinutes;
    }

    boolean overlaps(LocalDateTime start, int minutes) {
        return overlapping(minutes(start), minutes) >= 0;
    }

    /** The earliest start at or after {@code start} clear of every window. */
    LocalDateTime firstFree(LocalDateTime start, int minutes) {
        long candidate = minutes(start);
        for (int i = overlapping(candidate, minutes); i >= 0; i = overlapping(candidate, minutes)) {
            candidate = ends[i]; // each move lands later, so this ends
        }
        return start.plusMinutes(candidate - minutes(start));
    }

    private int overlapping(long start, int minutes) {
        for (int i = 0; i < size; i++) {
            if (start < ends[i] && start + minutes > starts[i]) {
                return i;
            }
        }
        return -1;
    }

    private static long minutes(LocalDateTime t) {
        return t.toLocalDate().toEpochDay() * 1440 + t.getHour() * 60L + t.getMinute();
    }
}
