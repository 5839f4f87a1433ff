package dev.wellplan.rules;

import java.util.Set;

/**
 * A client's answer to the check-in {@code hoursAfter} (24 or 48) hours after the massage item
 * {@code sessionId} (AFT-2/3). A missed check-in has {@code answered == false}; its scores are 0.
 */
public record CheckIn(String sessionId, int hoursAfter, boolean answered, int soreness, int pain,
                      Set<RedFlag> redFlags) {

    public static CheckIn reply(String sessionId, int hoursAfter, int soreness, int pain, Set<RedFlag> redFlags) {
        return new CheckIn(sessionId, hoursAfter, true, soreness, pain, redFlags);
    }

    /** No answer came before the next check-in was due. */
    public static CheckIn noReply(String sessionId, int hoursAfter) {
        return new CheckIn(sessionId, hoursAfter, false, 0, 0, Set.of());
    }
}
