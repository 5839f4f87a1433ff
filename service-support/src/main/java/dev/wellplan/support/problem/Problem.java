package dev.wellplan.support.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem. {@code errors} names each offending field as a JSON path
 * ({@code pain.intensity}, {@code preferences.massageDays[1]}) with what is wrong with it; {@code extensions} are
 * the problem type's own members (RFC 9457 section 3.2), written beside the others, such as the current version
 * of a 412 or the rule ids of a refused adjustment.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A problem with no members beyond RFC 9457's own. */
    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, Map.of());
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }

    public record FieldError(String field, String message) {
    }
}
