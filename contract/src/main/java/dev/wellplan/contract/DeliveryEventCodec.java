package dev.wellplan.contract;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Writes and reads delivery events as JSON, by the same rules as plan events ({@link PlanEventCodec}). */
public final class DeliveryEventCodec {

    private DeliveryEventCodec() {
    }

    public static String toJson(DeliveryEvent event) {
        try {
            return ContractJson.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delivery event " + event.eventId() + " cannot be written", e);
        }
    }

    /**
     * Reads one event.
     *
     * @throws InvalidDeliveryEventException when the text is not a delivery event: it belongs on the dead-letter topic
     */
    public static DeliveryEvent fromJson(String json) {
        try {
            return ContractJson.MAPPER.readValue(json, DeliveryEvent.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InvalidDeliveryEventException("not a readable delivery event: " + ContractJson.rootMessage(e), e);
        }
    }
}
