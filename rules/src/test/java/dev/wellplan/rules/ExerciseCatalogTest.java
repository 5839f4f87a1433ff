package dev.wellplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ACT-2: stable catalogue ids, read back from plans stored before ids, and the ladders a coach steps along. */
class ExerciseCatalogTest {

    @ParameterizedTest
    @CsvSource({
            "Glute bridge, glute-bridge", "Single-leg glute bridge, single-leg-glute-bridge", "Bird dog, bird-dog",
            "Superman (back extension), superman", "Hip hinge, hip-hinge", "Hip hinge with dowel, hip-hinge-dowel",
            "Romanian deadlift (light), romanian-deadlift", "Banded Romanian deadlift, banded-romanian-deadlift",
            "Banded glute bridge, banded-glute-bridge", "Hamstring bridge walk-out, hamstring-bridge-walk-out",
            "Foam-roll the glutes, foam-roll-glutes", "Lacrosse ball beside the spine, lacrosse-ball-beside-spine",
            "'Cat–cow (spine) stretch', cat-cow-stretch"})
    void an_exercise_stored_without_an_id_reads_with_the_catalogue_id_of_its_name(String name, String id) {
        Exercise stored = new Exercise(null, name, Set.of(Target.GLUTES), 2, 10, "cue");

        assertThat(stored.id()).isEqualTo(id);
        assertThat(new Exercise(name, Set.of(Target.GLUTES), 2, 10, "cue")).isEqualTo(stored);
    }

    @Test
    void every_exercise_of_every_plan_has_a_catalogue_id_on_a_ladder_or_of_the_self_massage_routine() {
        for (Assessment a : new Assessment[] {AssessmentBuilder.ana().build(), AssessmentBuilder.knots()
                .equipment(Equipment.values()).build(), AssessmentBuilder.ana().intensity(8).equipment().build()}) {
            PlanRules.createPlan(a).items().stream().filter(i -> i.kind() == ItemKind.STRENGTH)
                    .flatMap(i -> i.exercises().stream())
                    .forEach(e -> {
                        assertThat(StrengthCatalog.byId(e.id())).as(e.id()).isPresent();
                        assertThat(StrengthCatalog.onLadder(e.id())).as(e.id()).isTrue();
                        assertThat(ExerciseIds.fromName(e.name())).isEqualTo(e.id());
                    });
        }
    }

    @ParameterizedTest
    @CsvSource({
            "glute-bridge, 1, '', single-leg-glute-bridge",
            "glute-bridge, 1, RESISTANCE_BAND, banded-glute-bridge",
            "banded-glute-bridge, 1, '', single-leg-glute-bridge",
            "single-leg-glute-bridge, -1, '', glute-bridge",
            "single-leg-glute-bridge, 1, '', ",
            "bird-dog, 1, '', superman",
            "bird-dog, -1, '', ",
            "hip-hinge, -1, DOWEL, hip-hinge-dowel",
            "hip-hinge, -1, '', ",
            "hip-hinge, 1, '', romanian-deadlift",
            "hip-hinge, 1, RESISTANCE_BAND, banded-romanian-deadlift",
            "romanian-deadlift, 1, '', hamstring-bridge-walk-out",
            "hamstring-bridge-walk-out, -1, '', romanian-deadlift",
            "foam-roll-glutes, 1, '', "})
    void ACT_2_one_rung_up_or_down_with_the_equipment_the_client_owns(String from, int direction, String owns,
                                                                       String to) {
        Set<Equipment> equipment = owns.isEmpty() ? EnumSet.noneOf(Equipment.class) : EnumSet.of(Equipment.valueOf(owns));

        Optional<Exercise> next = StrengthCatalog.step(from, direction, equipment);

        assertThat(next.map(Exercise::id)).isEqualTo(Optional.ofNullable(to));
    }
}
