package dev.wellplan.rules;

import java.util.Set;

/** One exercise of a workout or self-massage routine; {@code cue} is the one line the client reads. */
public record Exercise(String name, Set<Target> targets, int sets, int reps, String cue) {

    public Exercise {
        targets = targets == null ? Set.of() : Set.copyOf(targets);
    }
}
