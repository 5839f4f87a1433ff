package dev.wellplan.contract;

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
        // Jackson quotes the source around the error; keep only the first line so no payload leaks into logs.
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
