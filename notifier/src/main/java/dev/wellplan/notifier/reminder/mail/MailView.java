package dev.wellplan.notifier.reminder.mail;

import java.util.List;

/**
 * What the mail templates see: words already formatted in the client's local time, so the
 * templates hold no logic beyond choosing sentences.
 *
 * @param name        the client's name as they gave it; null in the request to confirm, which echoes nothing a
 *                    stranger could have typed into the enrollment form
 * @param plan        the plan as a whole
 * @param item        the plan item the reminder is about; null for plan-wide mails
 * @param links       the signed links every mail carries
 * @param hasCalendar whether an ICS file is attached
 * @param change      what changed, on the "your plan changed" e-mail; null on every other
 */
public record MailView(String name, PlanLines plan, ItemLines item, Links links, boolean hasCalendar,
                       ChangeLines change) {

    /**
     * @param intro  what set the change off, e.g. "Your coach updated your plan."
     * @param lines  what moved where and what changed, one sentence each
     * @param reason the change's reason as the planner wrote it (a short fixed phrase); null when none
     */
    public record ChangeLines(String intro, List<String> lines, String reason) {
    }

    /**
     * @param startDate         e.g. "Monday 7 December 2026"
     * @param awaitingClearance the plan waits for medical clearance (SAFE-1)
     * @param seekCareToday     the urgent form of SAFE-1: seek care today
     * @param sessions          the massage sessions, in order
     */
    public record PlanLines(String startDate, String endDate, String timeZone, List<Line> sessions, int workouts,
                            int selfMassages, boolean awaitingClearance, boolean seekCareToday) {
    }

    /** One line of a list: when, and what. */
    public record Line(String when, String what) {
    }

    /**
     * @param when         e.g. "Tuesday 8 December at 10:00"
     * @param relativeDay  "today", "tomorrow" or "on Tuesday 8 December", seen from when the reminder goes out
     * @param time         e.g. "10:00"
     * @param massageType  "Swedish" or "deep-tissue"; null when the item is not a massage
     * @param pressure     e.g. "medium"
     * @param secondCheckIn the +48 h check-in (AFT-3) rather than the +24 h one (AFT-2)
     */
    public record ItemLines(String when, String relativeDay, String time, int minutes,
                            String massageType, String pressure, boolean deepTissue, List<String> exercises,
                            boolean secondCheckIn) {
    }

    /**
     * Signed links: the calendar pair and {@code plan} (the client's plan page) are set on the welcome and the
     * fresh-links mail, {@code confirm} on the request to confirm, {@code checkIn} (the planner's check-in form, of
     * the check-in purpose) on the +24 h and +48 h check-ins.
     */
    public record Links(String unsubscribe, String preferences, String calendar, String webcal, String confirm,
                        String plan, String checkIn) {
    }
}
