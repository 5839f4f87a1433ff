package dev.wellplan.contract;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes and reads plan events as JSON. Unknown properties are ignored on read (additive schema
 * changes must not break an older consumer); dates and times are ISO-8601 strings.
 */
public final class PlanEventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    /** A quoted stretch of a parser message: 'token', "value" or `value`. */
    private static final Pattern QUOTED = Pattern.compile("(['\"`])[^'\"`]*\\1");

    private PlanEventCodec() {
    }

    public static String toJson(PlanEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan event " + event.eventId() + " cannot be written", e);
        }
    }

    /**
     * Reads one event.
     *
     * @throws InvalidPlanEventException when the text is not a plan event this consumer can apply
     */
    public static PlanEvent fromJson(String json) {
        PlanEvent event;
        try {
            event = MAPPER.readValue(json, PlanEvent.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InvalidPlanEventException("not a readable plan event: " + rootMessage(e), e);
        }
        if (!event.planId().equals(event.plan().planId()) || event.planVersion() != event.plan().version()) {
            throw new InvalidPlanEventException("event and snapshot disagree on plan id or version", null);
        }
        return event;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        // The reason goes to logs and to the dead-letter header: keep the first line (Jackson appends the source
        // after it) and blank out what the parser quotes from the payload ("Unrecognized token 'Ana'", a value it
        // could not read), which can be a name, an address or a health answer.
        return QUOTED.matcher(m.lines().findFirst().orElse(m)).replaceAll("$1…$1");
    }
}
