package dev.wellplan.calendar;

import java.util.Locale;
import java.util.Optional;

import dev.wellplan.contract.PlanSnapshot;

/**
 * The words of each calendar entry: a summary for the calendar grid and a description that carries
 * the plan rules' guidance to the moment it matters (rule ids from rules.md in the comments).
 */
final class EventTexts {

    static final String SEE_DOCTOR = "See a doctor if numbness, tingling or weakness in your legs appears.";

    private EventTexts() {
    }

    /** The items worth a calendar entry; the coach's clearance task and unknown kinds are not. */
    static boolean listed(PlanSnapshot.Item item) {
        return switch (item.kind()) {
            case "MASSAGE", "STRENGTH", "SELF_MASSAGE", "AFTERCARE", "CHECK_IN", "REVIEW", "LIGHT_MOVEMENT" -> true;
            default -> false;
        };
    }

    /** Aftercare is a cue, not an appointment: it does not make the client look busy. */
    static boolean blocksTime(PlanSnapshot.Item item) {
        return !"AFTERCARE".equals(item.kind()) && !"CHECK_IN".equals(item.kind());
    }

    static String summary(PlanSnapshot.Item item) {
        return Optional.ofNullable(item.title()).filter(t -> !t.isBlank()).orElseGet(() -> fallbackTitle(item));
    }

    static String description(PlanSnapshot.Item item) {
        return switch (item.kind()) {
            case "MASSAGE" -> massage(item);
            case "AFTERCARE" -> "Drink a glass of water and move your joints gently through their full range of motion " // AFT-1
                    + "(hips, knees, shoulders, a slow twist). Then take a short walk: the session was the primer, "
                    + "the movement treats the cause.";                                                         // ACT-4
            case "CHECK_IN" -> checkIn(item);
            case "STRENGTH" -> strength(item);
            case "SELF_MASSAGE" -> "Ten minutes with your foam roller or lacrosse ball on the muscles beside your spine " // ACT-3
                    + "and on your glutes. Roll the muscles, never straight on the spine. Ease off if it hurts.";
            case "LIGHT_MOVEMENT" -> "An easy walk and gentle mobility today, no strength workout: your body is still " // MAS-6
                    + "settling after the deep-tissue session. Drink water and keep moving gently.";
            case "REVIEW" -> "The last day of your four-week plan: you will get a summary and an offer of a follow-up " // LIF-2
                    + "plan. The benefits of massage fade after about six months if the cause is not addressed, so "
                    + "keep up the strength work.";
            default -> "";
        };
    }

    private static String massage(PlanSnapshot.Item item) {
        boolean deep = "DEEP_TISSUE".equals(item.massageType());
        StringBuilder text = new StringBuilder()
                .append(deep ? "Deep-tissue" : "Swedish").append(" massage, ").append(item.durationMinutes())
                .append(" minutes");
        if (item.pressure() != null) {
            text.append(", starting at ").append(item.pressure().toLowerCase(Locale.ROOT)).append(" pressure");
        }
        text.append(".\n\nSpeak up during the session if the pressure is too hard: \"no pain, no gain\" is wrong here."); // AFT-4, MAS-4
        if (deep) {
            text.append(" Deep tissue is not always relaxing, but it should never make you tense up.");
        }
        return text.append("\nKeep an hour or two free afterwards: no workout, no rush.")                            // MAS-5
                .append("\nThe massage is the primer; the walk and the exercises that follow treat the cause.")        // ACT-4
                .append("\n\n").append(SEE_DOCTOR).toString();                                                        // SAFE-1
    }

    private static String checkIn(PlanSnapshot.Item item) {
        boolean second = item.rules().contains("AFT-3") || item.id().endsWith("-48h");
        String lead = second
                ? "Is the soreness still there? Soreness past 48 hours means the pressure was likely too intense: " // AFT-3
                + "tell us, and your next session will be lighter."
                : "How does your back feel? Slight soreness the day after a massage is normal. "                  // AFT-2
                + "Rate your soreness and pain from 0 to 10.";
        return lead + "\n\n" + SEE_DOCTOR;
    }

    private static String strength(PlanSnapshot.Item item) {
        String list = item.exercises().isEmpty() ? "" : "\n- " + String.join("\n- ", item.exercises());
        return "Posterior-chain strength for your glutes, hamstrings and lower back:" + list                     // ACT-1
                + "\n\nStrong muscles there take load off your spine; move slowly and stop if pain shoots down a leg.";
    }

    private static String fallbackTitle(PlanSnapshot.Item item) {
        return switch (item.kind()) {
            case "MASSAGE" -> "Massage session";
            case "STRENGTH" -> "Strength workout";
            case "SELF_MASSAGE" -> "Self-massage";
            case "AFTERCARE" -> "Aftercare: hydrate and move";
            case "CHECK_IN" -> "Check-in: how does your back feel?";
            case "REVIEW" -> "End of plan";
            case "LIGHT_MOVEMENT" -> "Light movement";
            default -> item.kind();
        };
    }
}
