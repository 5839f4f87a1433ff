package dev.wellplan.planner.plan.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.wellplan.planner.plan.app.OperationJson;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;

/**
 * Request bodies read strictly (unknown fields, wrong types, unknown enum values, trailing tokens refused), each
 * failure a 400 problem naming the field as a JSON path ({@code pain.intensity}, {@code operations[2].date}).
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper strict;

    public JsonBodies(ObjectMapper mapper) {
        this.strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    }

    /**
     * @throws ProblemException 413 for a body over {@code maxBytes}; 400, naming the field, for an empty, malformed
     *                          or mistyped one
     */
    public <T> T read(String body, Class<T> type, int maxBytes) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ProblemException(413, "Payload too large", "this body is at most " + maxBytes + " bytes",
                    List.of());
        }
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("", "the request body is empty")));
        }
        try {
            return strict.readValue(body, type);
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(List.of(new FieldError(path(e), describe(e))));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(new FieldError("", "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        }
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
        if (e instanceof InvalidTypeIdException) {
            path.append(path.length() > 0 ? "." : "").append(OperationJson.PROPERTY); // the only typed values taken
        }
        return path.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidTypeIdException t) {
            String known = String.join(", ", OperationJson.NAMES.keySet());
            return t.getTypeId() == null ? "is required: one of " + known
                    : "'" + t.getTypeId() + "' is not an operation; use one of " + known;
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
        if (ZoneId.class.isAssignableFrom(type)) {
            return "time zone; use an IANA id such as Europe/Lisbon";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Integer", "int" -> "whole number";
            default -> type.getSimpleName();
        };
    }
}
