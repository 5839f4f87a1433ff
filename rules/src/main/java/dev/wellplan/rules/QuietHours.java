package dev.wellplan.rules;

import java.time.LocalTime;

/** No reminder is sent between {@code from} and {@code to}; the window may cross midnight. */
public record QuietHours(LocalTime from, LocalTime to) {

    /** True when {@code time} falls inside the window (from inclusive, to exclusive). */
    public boolean contains(LocalTime time) {
        return from.isBefore(to)
                ? !time.isBefore(from) && time.isBefore(to)
                : !time.isBefore(from) || time.isBefore(to);
    }
}
