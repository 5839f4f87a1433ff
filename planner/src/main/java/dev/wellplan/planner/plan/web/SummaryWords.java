package dev.wellplan.planner.plan.web;

import java.util.ArrayList;
import java.util.List;

import dev.wellplan.planner.checkin.app.Summary;

/** LIF-2: a plan at its end, in numbers, in the client's words. */
final class SummaryWords {

    private SummaryWords() {
    }

    static List<String> of(Summary summary) {
        List<String> lines = new ArrayList<>(3);
        lines.add(count(summary.sessions(), "massage session") + " and " + count(summary.workouts(), "strength workout")
                + ".");
        if (summary.checkIns() == 0) {
            lines.add("No check-ins: next time, tell us how you feel after each session.");
            return lines;
        }
        lines.add(count(summary.checkIns(), "check-in") + ": your pain went from " + summary.firstPain() + " to "
                + summary.lastPain() + " out of 10, and soreness from " + summary.firstSoreness() + " to "
                + summary.lastSoreness() + ".");
        lines.add(summary.painEased() ? "Your pain eased: the movement is working. Keep it up."
                : "Your pain did not ease over these weeks: talk to your coach, and to a doctor if it persists.");
        return lines;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
