package dev.wellplan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ACT-3: the self-massage routine for the tools the client owns. Every cue says where not to press:
 * muscle only, never straight on the spine. Reps count slow passes (roller) or held spots (ball).
 */
final class SelfMassageCatalog {
    private static final Exercise ROLL_GLUTES = new Exercise("foam-roll-glutes", "Foam-roll the glutes", Set.of(Target.GLUTES), 1, 10,
            "Sit on the roller, ankle over the opposite knee; 10 slow passes a side. Muscle only, never on the spine.");
    private static final Exercise ROLL_HAMSTRINGS = new Exercise("foam-roll-hamstrings", "Foam-roll the hamstrings", Set.of(Target.HAMSTRINGS), 1, 10,
            "Roller under the thighs, roll from above the knee to the sit bone; 10 slow passes. Never on the spine.");
    private static final Exercise BALL_GLUTES = new Exercise("lacrosse-ball-glutes", "Lacrosse-ball glute release", Set.of(Target.GLUTES), 1, 5,
            "Sit on the ball, find 5 tender spots in the glute, hold each 20-30 s. Never on the spine or tailbone.");
    private static final Exercise BALL_HAMSTRINGS = new Exercise("lacrosse-ball-hamstrings", "Lacrosse-ball hamstring release", Set.of(Target.HAMSTRINGS), 1, 5,
            "On a firm chair, ball under the thigh; hold 5 spots 20-30 s each, knee straightening slowly. Never on the spine.");
    private static final Exercise BALL_BESIDE_SPINE = new Exercise("lacrosse-ball-beside-spine", "Lacrosse ball beside the spine", Set.of(Target.ERECTOR_SPINAE), 1, 5,
            "Against a wall, ball on the muscle a thumb's width beside the spine; hold 5 spots 20-30 s. Never on the spine itself.");

    private SelfMassageCatalog() {
    }

    static boolean ownsTool(Set<Equipment> equipment) {
        return equipment.contains(Equipment.FOAM_ROLLER) || equipment.contains(Equipment.LACROSSE_BALL);
    }

    /** The routine for the tools owned; empty when the client owns neither. */
    static List<Exercise> routine(Set<Equipment> equipment) {
        boolean roller = equipment.contains(Equipment.FOAM_ROLLER);
        boolean ball = equipment.contains(Equipment.LACROSSE_BALL);
        List<Exercise> routine = new ArrayList<>(3);
        if (roller) {
            routine.add(ROLL_GLUTES);
            routine.add(ROLL_HAMSTRINGS);
        } else if (ball) {
            routine.add(BALL_GLUTES);
            routine.add(BALL_HAMSTRINGS);
        }
        if (ball) {
            routine.add(BALL_BESIDE_SPINE);
        }
        return List.copyOf(routine);
    }
}
