package dev.wellplan.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What became of a reminder e-mail, on the {@code delivery-events} topic: today only that one failed for good (every
 * SMTP attempt used up), so the planner can raise an alert for the plan's coach. It names the reminder, never the
 * address it went to nor what it said.
 *
 * @param eventId    unique per event; also the Kafka header {@value PlanEvent#EVENT_ID_HEADER}; consumers deduplicate
 *                   on it
 * @param planId     the plan the reminder belongs to; also the Kafka record key
 * @param reminderId the notifier's reminder id (as in {@code GET /api/plans/{id}/reminders})
 * @param kind       the reminder kind, e.g. {@code CHECK_IN}: a string, so a new kind is no breaking change
 * @param outcome    {@value #FAILED} today: a string, so a consumer skips an outcome it does not know
 * @param occurredAt when the notifier gave up on it (UTC)
 */
public record DeliveryEvent(UUID eventId, UUID planId, String reminderId, String kind, String outcome,
                            Instant occurredAt) {

    public static final String TOPIC = "delivery-events";
    public static final String DEAD_LETTER_TOPIC = "delivery-events.dlq";
    /** Every attempt failed: the client did not get this e-mail, and will not. */
    public static final String FAILED = "FAILED";

    public DeliveryEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(reminderId, "reminderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
