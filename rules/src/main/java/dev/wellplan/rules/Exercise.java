package dev.wellplan.rules;

import java.util.Set;

/**
 * One exercise of a workout or self-massage routine; {@code cue} is the one line the client reads.
 * {@code id} is the stable catalogue id ({@code glute-bridge}) that coach adjustments name (ACT-2). Plans stored
 * before exercises had ids have none: the id is then derived from the name ({@link ExerciseIds#fromName}), so
 * reading them still works and gives the id the catalogue uses for that name.
 */
public record Exercise(String id, String name, Set<Target> targets, int sets, int reps, String cue) {

    public Exercise {
        targets = targets == null ? Set.of() : Set.copyOf(targets);
        id = id == null || id.isBlank() ? ExerciseIds.fromName(name) : id;
    }

    /** An exercise known by its name only; the id follows from the name. */
    public Exercise(String name, Set<Target> targets, int sets, int reps, String cue) {
        this(null, name, targets, sets, reps, cue);
    }

    /** The same exercise at another volume. */
    Exercise withVolume(int sets, int reps) {
        return new Exercise(id, name, targets, sets, reps, cue);
    }
}
