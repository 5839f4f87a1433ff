package dev.wellplan.rules;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/** MAS, AFT-1/2/3 and MAS-6: a massage session and the items that hang off it, with their stable ids. */
final class SessionItems {
    static final int AFTERCARE_MINUTES = 15;
    static final int CHECK_IN_MINUTES = 5;
    static final int LIGHT_MOVEMENT_MINUTES = 20;

    private SessionItems() {
    }

    private static final String PREFIX = "massage-";

    static String sessionId(int n) {
        return PREFIX + n;
    }

    /** True for every massage session and every item derived from one. */
    static boolean isOfAnySession(String itemId) {
        return itemId.startsWith(PREFIX);
    }

    /** True for the session itself and every item derived from it ("massage-1-aftercare", ...). */
    static boolean belongsTo(String itemId, String sessionId) {
        return itemId.equals(sessionId) || itemId.startsWith(sessionId + "-");
    }

    static PlanItem massage(String id, LocalDateTime start, Massage m, List<String> rules) {
        return massage(id, start, m, MassageRules.DEFAULT_MINUTES, rules);
    }

    /** A session of {@code minutes}; the title says its type, length and pressure. */
    static PlanItem massage(String id, LocalDateTime start, Massage m, int minutes, List<String> rules) {
        String type = m.type() == MassageType.DEEP_TISSUE ? "Deep-tissue" : "Swedish";
        String title = type + " massage, " + minutes + " min, " + m.pressure().name().toLowerCase(Locale.ROOT)
                + " pressure";
        return new PlanItem(id, ItemKind.MASSAGE, start, minutes, title, m, List.of(), rules);
    }

    /**
     * Aftercare (AFT-1), the +24 h and +48 h check-ins (AFT-2/3) and, after deep tissue, the light-movement day
     * (MAS-6) at the exercise time of the next day, or once a late session's buffer has ended. The +48 h check-in
     * is on every plan from the start: it is wanted unless the +24 h answer says the soreness has gone, and then
     * the notifier cancels its reminder (a missing answer leaves it in place, as AFT-2 asks).
     */
    static List<PlanItem> hangingOff(PlanItem session, LocalTime exerciseTime, SessionWindows windows,
                                     WallClock clock) {
        PlanItem aftercare = aftercare(session, clock);
        PlanItem first = checkIn(session, 24, clock);
        PlanItem second = checkIn(session, 48, clock);
        if (session.massage().type() != MassageType.DEEP_TISSUE) {
            return List.of(aftercare, first, second);
        }
        LocalDateTime at = clock.at(session.start().toLocalDate().plusDays(1), exerciseTime);
        at = clock.valid(windows.firstFree(at, LIGHT_MOVEMENT_MINUTES)); // a late buffer may reach into the next day
        return List.of(aftercare, first, lightMovement(session, at), second);
    }

    /** The session an item hangs off ("massage-1" for "massage-1-aftercare"), or null for any other item. */
    static String sessionOf(String itemId) {
        if (!isOfAnySession(itemId)) {
            return null;
        }
        int dash = itemId.indexOf('-', PREFIX.length());
        return dash < 0 ? itemId : itemId.substring(0, dash);
    }

    /** AFT-1: right when the buffer ends, about an hour after the session (the buffer itself stays free). */
    static PlanItem aftercare(PlanItem session, WallClock clock) {
        LocalDateTime at = clock.valid(session.end().plusMinutes(session.massage().bufferMinutes()));
        return new PlanItem(session.id() + "-aftercare", ItemKind.AFTERCARE, at, AFTERCARE_MINUTES,
                "Aftercare: drink water, move your joints through their full range, take a short walk",
                null, List.of(), List.of(RuleIds.AFT_1, RuleIds.ACT_4, RuleIds.MAS_5));
    }

    /** AFT-2 at +24 h (and re-asks SAFE-1); AFT-3 at +48 h. Same wall-clock time on a later day. */
    static PlanItem checkIn(PlanItem session, int hours, WallClock clock) {
        boolean first = hours == 24;
        String title = first
                ? "24-hour check-in: soreness, pain and the safety questions"
                : "48-hour check-in: is the soreness still there?";
        List<String> rules = first
                ? List.of(RuleIds.AFT_2, RuleIds.SAFE_1, RuleIds.LIF_3)
                : List.of(RuleIds.AFT_3, RuleIds.SAFE_1, RuleIds.LIF_3);
        return new PlanItem(session.id() + "-checkin-" + hours + "h", ItemKind.CHECK_IN,
                clock.valid(session.start().plusHours(hours)), CHECK_IN_MINUTES, title, null, List.of(), rules);
    }

    /** MAS-6: the day after a deep-tissue session holds light movement only. */
    static PlanItem lightMovement(PlanItem session, LocalDateTime at) {
        return new PlanItem(session.id() + "-light-movement", ItemKind.LIGHT_MOVEMENT, at, LIGHT_MOVEMENT_MINUTES,
                "Light movement only: an easy walk and gentle mobility, no strength workout today",
                null, List.of(), List.of(RuleIds.MAS_6, RuleIds.ACT_4));
    }
}
