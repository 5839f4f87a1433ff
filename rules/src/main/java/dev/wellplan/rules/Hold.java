package dev.wellplan.rules;

import java.time.LocalDate;

/**
 * A stretch a coach paused (LIF-3): every item starting on a day from {@code from} to {@code until}, both
 * included, is held, and no reminder goes out for it. {@code until} null holds to the end of the plan, which is
 * then {@code PAUSED} until a coach resumes it.
 */
public record Hold(LocalDate from, LocalDate until) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }

    public boolean openEnded() {
        return until == null;
    }
}
