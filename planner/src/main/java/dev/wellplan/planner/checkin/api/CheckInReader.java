package dev.wellplan.planner.checkin.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.planner.checkin.app.CheckIns;
import dev.wellplan.support.problem.Problem.FieldError;
import dev.wellplan.support.problem.ProblemException;

/**
 * A check-in's JSON body, {@code {"itemId", "soreness", "pain", "redFlags", "note"}}, read field by field: a body
 * that is not a JSON object, an unknown field or a value of the wrong type is a 400 problem naming the field. Whether
 * the values make sense (a score in range, a known red flag, a session of the plan) is the use case's to say.
 */
@ApplicationScoped
public class CheckInReader {

    /** A check-in is a few hundred bytes, its note at most {@value CheckIns#MAX_NOTE_LENGTH} characters. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Set<String> FIELDS = Set.of("itemId", "soreness", "pain", "redFlags", "note");

    private final ObjectMapper mapper;

    public CheckInReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public CheckIns.Answer read(String body) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ProblemException(413, "Payload too large", "a check-in is at most " + MAX_BODY_BYTES + " bytes",
                    List.of());
        }
        JsonNode json = parse(body);
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "unknown field '" + name + "'"));
            }
        }
        String itemId = text(json, "itemId", errors);
        Integer soreness = score(json, "soreness", errors);
        Integer pain = score(json, "pain", errors);
        List<String> redFlags = texts(json, "redFlags", errors);
        String note = text(json, "note", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new CheckIns.Answer(itemId, soreness, pain, redFlags, note);
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("", "the request body is empty")));
        }
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || !json.isObject()) {
                throw ProblemException.invalid(List.of(new FieldError("", "must be a JSON object")));
            }
            return json;
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid(List.of(new FieldError("", "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        }
    }

    private static String text(JsonNode json, String field, List<FieldError> errors) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return value.asText();
    }

    private static Integer score(JsonNode json, String field, List<FieldError> errors) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null; // required: the use case says so, with the other values' errors
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError(field, "must be a whole number from 0 to 10"));
            return null;
        }
        return value.intValue();
    }

    private static List<String> texts(JsonNode json, String field, List<FieldError> errors) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(new FieldError(field, "must be a list of red flags, e.g. [\"NUMBNESS\"], or []"));
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
            } else {
                texts.add(value.get(i).asText());
            }
        }
        return texts;
    }
}
