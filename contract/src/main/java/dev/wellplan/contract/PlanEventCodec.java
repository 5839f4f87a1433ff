package dev.wellplan.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes and reads plan events as JSON. Unknown properties are ignored on read (additive schema
 * changes must not break an older consumer); dates and times are ISO-8601 strings.
 */
public final class PlanEventCodec {

    /** Bound to the type once: the mapper would look its serializer and deserializer up again at every call. */
    private static final ObjectWriter WRITER = ContractJson.MAPPER.writerFor(PlanEvent.class);
    private static final ObjectReader READER = ContractJson.MAPPER.readerFor(PlanEvent.class);

    private PlanEventCodec() {
    }

    public static String toJson(PlanEvent event) {
        try {
            return WRITER.writeValueAsString(event);
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
            event = READER.readValue(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InvalidPlanEventException("not a readable plan event: " + ContractJson.rootMessage(e), e);
        }
        if (!event.planId().equals(event.plan().planId()) || event.planVersion() != event.plan().version()) {
            throw new InvalidPlanEventException("event and snapshot disagree on plan id or version", null);
        }
        return event;
    }
}
