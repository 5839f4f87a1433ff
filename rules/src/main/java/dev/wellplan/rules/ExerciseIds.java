package dev.wellplan.rules;

import java.util.Locale;
import java.util.Map;

/**
 * The catalogue id of an exercise named before exercises carried ids. The names the catalogues have ever used map
 * to their ids exactly; any other name becomes a slug of its words (lower case, hyphens, no brackets), which is
 * stable too, so the same stored plan always reads the same.
 */
final class ExerciseIds {
    /** Names as {@link StrengthCatalog} and {@link SelfMassageCatalog} wrote them, before the ids. */
    private static final Map<String, String> KNOWN_NAMES = Map.ofEntries(
            Map.entry("Glute bridge", "glute-bridge"),
            Map.entry("Banded glute bridge", "banded-glute-bridge"),
            Map.entry("Single-leg glute bridge", "single-leg-glute-bridge"),
            Map.entry("Bird dog", "bird-dog"),
            Map.entry("Superman (back extension)", "superman"),
            Map.entry("Hip hinge", "hip-hinge"),
            Map.entry("Hip hinge with dowel", "hip-hinge-dowel"),
            Map.entry("Romanian deadlift (light)", "romanian-deadlift"),
            Map.entry("Banded Romanian deadlift", "banded-romanian-deadlift"),
            Map.entry("Hamstring bridge walk-out", "hamstring-bridge-walk-out"),
            Map.entry("Foam-roll the glutes", "foam-roll-glutes"),
            Map.entry("Foam-roll the hamstrings", "foam-roll-hamstrings"),
            Map.entry("Lacrosse-ball glute release", "lacrosse-ball-glutes"),
            Map.entry("Lacrosse-ball hamstring release", "lacrosse-ball-hamstrings"),
            Map.entry("Lacrosse ball beside the spine", "lacrosse-ball-beside-spine"));

    private ExerciseIds() {
    }

    static String fromName(String name) {
        if (name == null || name.isBlank()) {
            return "exercise";
        }
        String known = KNOWN_NAMES.get(name.strip());
        if (known != null) {
            return known;
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", " ").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "exercise" : slug;
    }
}
