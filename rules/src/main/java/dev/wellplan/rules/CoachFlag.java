package dev.wellplan.rules;

/** Alerts a check-in raises on the coach's roster. */
public enum CoachFlag {
    /** LIF-3: a red flag was reported; the plan is back behind the safety gate. */
    RED_FLAG_REPORTED,
    /** AFT-3: soreness still present 48 h after a session; lower pressure is proposed. */
    SORENESS_PAST_48H,
    /** The client did not answer a check-in. */
    MISSED_CHECK_IN
}
