package dev.wellplan.rules;

import static dev.wellplan.rules.Target.ERECTOR_SPINAE;
import static dev.wellplan.rules.Target.GLUTES;
import static dev.wellplan.rules.Target.HAMSTRINGS;

import java.util.List;
import java.util.Set;

/**
 * ACT-1/ACT-2: one workout per plan week, each covering glutes, hamstrings and erector spinae.
 * The standard track progresses to harder variants; the gentle track (disc signs or pain of 7+)
 * keeps the base movements and progresses sets and reps only.
 */
final class StrengthCatalog {

    enum Track { STANDARD, GENTLE }

    private static final String BRIDGE_CUE = "Feet flat, squeeze the glutes, lift until hips line up with knees; pause 2 s, ribs down.";
    private static final String BIRD_DOG_CUE = "Reach opposite arm and leg long, hips level, back still; count each side.";
    private static final String DOWEL_CUE = "Dowel touches head, upper back and tailbone all the way; push the hips back, soft knees.";
    private static final String HINGE_CUE = "Hands on hips, push the hips back with soft knees; back stays long, stop when the hamstrings pull.";
    private static final String RDL_CUE = "Light load close to the legs, hinge at the hips, flat back; lower to mid-shin and stand tall.";
    private static final String BAND_RDL_CUE = "Stand on the band, hinge at the hips with a flat back; lower to mid-shin, squeeze the glutes to stand.";
    private static final String SINGLE_BRIDGE_CUE = "One foot down, other knee to chest; lift without the hips tilting. Count each side.";
    private static final String BAND_BRIDGE_CUE = "Band above the knees, push the knees out as you lift; pause 2 s at the top.";
    private static final String SUPERMAN_CUE = "Face down, lift arms and legs a few centimetres, long neck, hold 2 s; never crank the lower back.";
    private static final String WALKOUT_CUE = "From a bridge, walk the heels out three small steps and back; stop before the hips drop.";

    private StrengthCatalog() {
    }

    static Track track(Pain pain) {
        return SafetyGate.discSigns(pain) || pain.intensity() >= 7 ? Track.GENTLE : Track.STANDARD;
    }

    /** The workout of plan week 1-4. */
    static List<Exercise> workout(int week, Track track, Set<Equipment> equipment) {
        return track == Track.GENTLE ? gentle(week, equipment) : standard(week, equipment);
    }

    private static List<Exercise> standard(int week, Set<Equipment> equipment) {
        boolean band = equipment.contains(Equipment.RESISTANCE_BAND);
        return switch (week) {
            case 1 -> List.of(bridge(2, 10), birdDog(2, 8), hinge(2, 10, equipment));
            case 2 -> List.of(band ? ex("Banded glute bridge", BAND_BRIDGE_CUE, 3, 12, GLUTES) : bridge(3, 12),
                    birdDog(3, 10), rdl(2, 10, band));
            case 3 -> List.of(ex("Single-leg glute bridge", SINGLE_BRIDGE_CUE, 2, 8, GLUTES),
                    ex("Superman (back extension)", SUPERMAN_CUE, 2, 8, ERECTOR_SPINAE), rdl(3, 10, band));
            default -> List.of(ex("Single-leg glute bridge", SINGLE_BRIDGE_CUE, 3, 10, GLUTES),
                    ex("Superman (back extension)", SUPERMAN_CUE, 3, 10, ERECTOR_SPINAE),
                    ex("Hamstring bridge walk-out", WALKOUT_CUE, 2, 6, HAMSTRINGS, GLUTES));
        };
    }

    /** Sets and reps grow a little each week; the movements stay the regressions. */
    private static List<Exercise> gentle(int week, Set<Equipment> equipment) {
        int sets = week <= 2 ? 2 : 3;
        int reps = week % 2 == 1 ? 8 : 10;
        return List.of(bridge(sets, reps + 2), birdDog(sets, reps), hinge(sets, reps + 2, equipment));
    }

    private static Exercise bridge(int sets, int reps) {
        return ex("Glute bridge", BRIDGE_CUE, sets, reps, GLUTES);
    }

    private static Exercise birdDog(int sets, int reps) {
        return ex("Bird dog", BIRD_DOG_CUE, sets, reps, ERECTOR_SPINAE);
    }

    private static Exercise hinge(int sets, int reps, Set<Equipment> equipment) {
        return equipment.contains(Equipment.DOWEL)
                ? ex("Hip hinge with dowel", DOWEL_CUE, sets, reps, HAMSTRINGS, ERECTOR_SPINAE)
                : ex("Hip hinge", HINGE_CUE, sets, reps, HAMSTRINGS, ERECTOR_SPINAE);
    }

    private static Exercise rdl(int sets, int reps, boolean band) {
        return band
                ? ex("Banded Romanian deadlift", BAND_RDL_CUE, sets, reps, HAMSTRINGS, GLUTES)
                : ex("Romanian deadlift (light)", RDL_CUE, sets, reps, HAMSTRINGS);
    }

    private static Exercise ex(String name, String cue, int sets, int reps, Target... targets) {
        return new Exercise(name, Set.of(targets), sets, reps, cue);
    }
}
