package dev.wellplan.planner.plan.api;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.Pain;
import dev.wellplan.rules.Preferences;
import dev.wellplan.rules.QuietHours;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;

/**
 * Turns a request body into an {@link Assessment}, or into a 400 problem that names the field:
 * malformed JSON, a wrong type, an unknown enum value or property, an unknown time zone.
 */
@ApplicationScoped
public class EnrollmentReader {

    /** Larger bodies are refused before parsing; an assessment is well under a kilobyte. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** ACT-1: three strength days a week unless the client chooses otherwise. */
    static final int DEFAULT_EXERCISE_DAYS = 3;

    private final JsonBodies json;

    public EnrollmentReader(JsonBodies json) {
        this.json = json;
    }

    public Assessment read(String body) {
        return toAssessment(json.read(body, EnrollmentRequest.class, MAX_BODY_BYTES));
    }

    private Assessment toAssessment(EnrollmentRequest r) {
        List<FieldError> errors = new ArrayList<>();
        Client client = null;
        if (r.client() != null) {
            client = new Client(r.client().name(), r.client().email(), zone(r.client().timeZone(), errors));
        }
        Pain pain = null;
        if (r.pain() != null) {
            var p = r.pain();
            pain = new Pain(p.area(), required(p.intensity(), "pain.intensity", errors),
                    required(p.weeks(), "pain.weeks", errors), p.pattern(), set(p.drivers(), "pain.drivers", errors));
        }
        Preferences preferences = null;
        if (r.preferences() != null) {
            var p = r.preferences();
            QuietHours quiet = p.quietHours() == null ? null : new QuietHours(p.quietHours().from(), p.quietHours().to());
            preferences = new Preferences(set(p.massageDays(), "preferences.massageDays", errors),
                    set(p.highStressDays(), "preferences.highStressDays", errors), p.massageTime(), p.exerciseTime(),
                    p.exerciseDaysPerWeek() == null ? DEFAULT_EXERCISE_DAYS : p.exerciseDaysPerWeek(),
                    p.pressure(), quiet);
        }
        Set<dev.wellplan.rules.RedFlag> redFlags = set(r.redFlags(), "redFlags", errors);
        Set<dev.wellplan.rules.Equipment> equipment = set(r.equipment(), "equipment", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Assessment(client, r.startDate(), pain, redFlags, preferences, equipment);
    }

    private static ZoneId zone(String id, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            return null; // reported as required by the plan rules
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            errors.add(new FieldError("client.timeZone", "unknown time zone '" + id + "'; use an IANA id such as Europe/Lisbon"));
            return null;
        }
    }

    private static int required(Integer value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return 0;
        }
        return value;
    }

    private static <E> Set<E> set(Collection<E> values, String field, List<FieldError> errors) {
        if (values == null) {
            return Set.of();
        }
        if (values.contains(null)) {
            errors.add(new FieldError(field, "must not contain null"));
            return Set.of();
        }
        return Set.copyOf(values);
    }
}
