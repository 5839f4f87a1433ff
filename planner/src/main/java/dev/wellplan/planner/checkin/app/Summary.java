package dev.wellplan.planner.checkin.app;

/**
 * LIF-2: a plan at its end, in numbers, for its client: the massage sessions and workouts that took place (those not
 * held by a pause, up to now), and how soreness and pain went over the check-ins ({@code first*} and {@code last*}
 * null without any check-in).
 */
public record Summary(int sessions, int workouts, int checkIns, Integer firstSoreness, Integer lastSoreness,
                      Integer firstPain, Integer lastPain) {

    /** Whether the last check-in reported less pain than the first. */
    public boolean painEased() {
        return firstPain != null && lastPain < firstPain;
    }
}
