package dev.wellplan.planner.plan.api;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.Pain;
import dev.wellplan.rules.Preferences;
import dev.wellplan.rules.QuietHours;

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

    private final ObjectMapper strict;

    public EnrollmentReader(ObjectMapper mapper) {
        this.strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    }

    public Assessment read(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("", "the request body is empty")));
        }
        EnrollmentRequest request;
        try {
            request = strict.readValue(body, EnrollmentRequest.class);
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(List.of(new FieldError(path(e), describe(e))));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(new FieldError("", "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        }
        return toAssessment(request);
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

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "'" + f.getValue() + "' is not one of " + allowed;
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == LocalTime.class) {
            return "'" + f.getValue() + "' is not a time; use HH:mm";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "'" + f.getValue() + "' is not a valid " + friendly(f.getTargetType());
        }
        if (e.getCause() instanceof DateTimeException) {
            return "not a valid date or time";
        }
        String m = e.getOriginalMessage();
        if (m != null && m.startsWith("Cannot deserialize value of type")) {
            return "has the wrong type";
        }
        return m == null ? "is invalid" : m.lines().findFirst().orElse("is invalid");
    }

    private static String friendly(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Integer", "int" -> "whole number";
            default -> type.getSimpleName();
        };
    }
}
