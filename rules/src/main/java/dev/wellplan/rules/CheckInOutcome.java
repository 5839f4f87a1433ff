package dev.wellplan.rules;

import java.util.Set;

/**
 * What a check-in changes: the new plan, the coach's flags, an optional lower pressure proposed for
 * the next session ({@code proposedPressure} and {@code proposedForSessionId} are null when none),
 * whether a +48 h check-in was added, and how urgently the client must see a doctor.
 */
public record CheckInOutcome(Plan plan, Set<CoachFlag> flags, Pressure proposedPressure,
                             String proposedForSessionId, boolean followUpCheckInNeeded, Urgency urgency) {

    public CheckInOutcome {
        flags = Set.copyOf(flags);
    }
}
