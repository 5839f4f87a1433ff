package dev.wellplan.rules;

import static dev.wellplan.rules.Target.ERECTOR_SPINAE;
import static dev.wellplan.rules.Target.GLUTES;
import static dev.wellplan.rules.Target.HAMSTRINGS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ACT-1/ACT-2: the strength exercises by stable catalogue id, one workout per plan week covering glutes,
 * hamstrings and erector spinae, and the ladders a coach progresses or regresses an exercise along.
 * The standard track progresses to harder variants; the gentle track (disc signs or pain of 7+)
 * keeps the base movements and progresses sets and reps only.
 */
final class StrengthCatalog {

    enum Track { STANDARD, GENTLE }

    /** A catalogue entry: the exercise at a nominal volume, and the equipment it needs (null: none). */
    private record Entry(Exercise exercise, Equipment needs) {}

    private static final Map<String, Entry> CATALOGUE = new LinkedHashMap<>();

    static final String GLUTE_BRIDGE = add("glute-bridge", "Glute bridge", null,
            "Feet flat, squeeze the glutes, lift until hips line up with knees; pause 2 s, ribs down.", GLUTES);
    static final String BANDED_GLUTE_BRIDGE = add("banded-glute-bridge", "Banded glute bridge", Equipment.RESISTANCE_BAND,
            "Band above the knees, push the knees out as you lift; pause 2 s at the top.", GLUTES);
    static final String SINGLE_LEG_GLUTE_BRIDGE = add("single-leg-glute-bridge", "Single-leg glute bridge", null,
            "One foot down, other knee to chest; lift without the hips tilting. Count each side.", GLUTES);
    static final String BIRD_DOG = add("bird-dog", "Bird dog", null,
            "Reach opposite arm and leg long, hips level, back still; count each side.", ERECTOR_SPINAE);
    static final String SUPERMAN = add("superman", "Superman (back extension)", null,
            "Face down, lift arms and legs a few centimetres, long neck, hold 2 s; never crank the lower back.",
            ERECTOR_SPINAE);
    static final String HIP_HINGE_DOWEL = add("hip-hinge-dowel", "Hip hinge with dowel", Equipment.DOWEL,
            "Dowel touches head, upper back and tailbone all the way; push the hips back, soft knees.",
            HAMSTRINGS, ERECTOR_SPINAE);
    static final String HIP_HINGE = add("hip-hinge", "Hip hinge", null,
            "Hands on hips, push the hips back with soft knees; back stays long, stop when the hamstrings pull.",
            HAMSTRINGS, ERECTOR_SPINAE);
    static final String ROMANIAN_DEADLIFT = add("romanian-deadlift", "Romanian deadlift (light)", null,
            "Light load close to the legs, hinge at the hips, flat back; lower to mid-shin and stand tall.", HAMSTRINGS);
    static final String BANDED_ROMANIAN_DEADLIFT = add("banded-romanian-deadlift", "Banded Romanian deadlift",
            Equipment.RESISTANCE_BAND,
            "Stand on the band, hinge at the hips with a flat back; lower to mid-shin, squeeze the glutes to stand.",
            HAMSTRINGS, GLUTES);
    static final String WALK_OUT = add("hamstring-bridge-walk-out", "Hamstring bridge walk-out", null,
            "From a bridge, walk the heels out three small steps and back; stop before the hips drop.",
            HAMSTRINGS, GLUTES);

    /**
     * ACT-2: easiest rung first, one ladder per target. A rung lists interchangeable variants, the one needing
     * equipment first: a client who owns it gets it, as the weekly workouts do. The dowel hinge is the guided
     * regression of the plain hinge (rules.md), so it sits below it.
     */
    private static final List<List<List<String>>> LADDERS = List.of(
            List.of(List.of(GLUTE_BRIDGE), List.of(BANDED_GLUTE_BRIDGE), List.of(SINGLE_LEG_GLUTE_BRIDGE)),
            List.of(List.of(BIRD_DOG), List.of(SUPERMAN)),
            List.of(List.of(HIP_HINGE_DOWEL), List.of(HIP_HINGE), List.of(BANDED_ROMANIAN_DEADLIFT, ROMANIAN_DEADLIFT),
                    List.of(WALK_OUT)));

    private StrengthCatalog() {
    }

    static Track track(Pain pain) {
        return SafetyGate.discSigns(pain) || pain.intensity() >= 7 ? Track.GENTLE : Track.STANDARD;
    }

    /** The workout of plan week 1-4. */
    static List<Exercise> workout(int week, Track track, Set<Equipment> equipment) {
        return track == Track.GENTLE ? gentle(week, equipment) : standard(week, equipment);
    }

    /** The catalogue exercise with this id, at its catalogue volume. */
    static Optional<Exercise> byId(String id) {
        return Optional.ofNullable(CATALOGUE.get(id)).map(Entry::exercise);
    }

    /** Every strength exercise id of the catalogue. */
    static Set<String> ids() {
        return java.util.Collections.unmodifiableSet(CATALOGUE.keySet());
    }

    /** The equipment an exercise needs that the client does not own, if any. */
    static Optional<Equipment> missing(String id, Set<Equipment> equipment) {
        Entry entry = CATALOGUE.get(id);
        return entry == null || entry.needs() == null || equipment.contains(entry.needs())
                ? Optional.empty() : Optional.of(entry.needs());
    }

    /** True when the exercise sits on a progression ladder (every strength exercise of the catalogue does). */
    static boolean onLadder(String id) {
        return LADDERS.stream().anyMatch(ladder -> ladder.stream().anyMatch(rung -> rung.contains(id)));
    }

    /**
     * ACT-2: the exercise one rung up ({@code direction} 1) or down (-1) the ladder of {@code id} that the client
     * can do with {@code equipment}; a rung whose every variant needs equipment they lack is skipped. Empty at
     * the top or bottom of the ladder, or for an exercise on no ladder.
     */
    static Optional<Exercise> step(String id, int direction, Set<Equipment> equipment) {
        for (List<List<String>> ladder : LADDERS) {
            for (int rung = 0; rung < ladder.size(); rung++) {
                if (ladder.get(rung).contains(id)) {
                    for (int r = rung + direction; r >= 0 && r < ladder.size(); r += direction) {
                        Optional<String> doable = ladder.get(r).stream()
                                .filter(v -> missing(v, equipment).isEmpty()).findFirst();
                        if (doable.isPresent()) {
                            return byId(doable.get());
                        }
                    }
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static List<Exercise> standard(int week, Set<Equipment> equipment) {
        boolean band = equipment.contains(Equipment.RESISTANCE_BAND);
        return switch (week) {
            case 1 -> List.of(ex(GLUTE_BRIDGE, 2, 10), ex(BIRD_DOG, 2, 8), hinge(2, 10, equipment));
            case 2 -> List.of(band ? ex(BANDED_GLUTE_BRIDGE, 3, 12) : ex(GLUTE_BRIDGE, 3, 12),
                    ex(BIRD_DOG, 3, 10), rdl(2, 10, band));
            case 3 -> List.of(ex(SINGLE_LEG_GLUTE_BRIDGE, 2, 8), ex(SUPERMAN, 2, 8), rdl(3, 10, band));
            default -> List.of(ex(SINGLE_LEG_GLUTE_BRIDGE, 3, 10), ex(SUPERMAN, 3, 10), ex(WALK_OUT, 2, 6));
        };
    }

    /** Sets and reps grow a little each week; the movements stay the regressions. */
    private static List<Exercise> gentle(int week, Set<Equipment> equipment) {
        int sets = week <= 2 ? 2 : 3;
        int reps = week % 2 == 1 ? 8 : 10;
        return List.of(ex(GLUTE_BRIDGE, sets, reps + 2), ex(BIRD_DOG, sets, reps), hinge(sets, reps + 2, equipment));
    }

    private static Exercise hinge(int sets, int reps, Set<Equipment> equipment) {
        return ex(equipment.contains(Equipment.DOWEL) ? HIP_HINGE_DOWEL : HIP_HINGE, sets, reps);
    }

    private static Exercise rdl(int sets, int reps, boolean band) {
        return ex(band ? BANDED_ROMANIAN_DEADLIFT : ROMANIAN_DEADLIFT, sets, reps);
    }

    private static Exercise ex(String id, int sets, int reps) {
        return CATALOGUE.get(id).exercise().withVolume(sets, reps);
    }

    private static String add(String id, String name, Equipment needs, String cue, Target... targets) {
        CATALOGUE.put(id, new Entry(new Exercise(id, name, Set.of(targets), 2, 10, cue), needs));
        return id;
    }
}
