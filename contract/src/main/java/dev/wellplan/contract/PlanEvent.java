package dev.wellplan.contract;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One plan event on the {@code plan-events} topic. Every event carries the whole plan as it
 * stands at {@code planVersion}, so a consumer reconciles to a state, never to a diff: replaying,
 * duplicating or reordering events cannot leave it anywhere but at the newest version.
 *
 * @param eventId       unique per event; also sent as the Kafka header {@value #EVENT_ID_HEADER}
 * @param type          what happened, past tense
 * @param schemaVersion the contract version this event was written against ({@value #SCHEMA_VERSION})
 * @param planId        the aggregate id; also the Kafka record key
 * @param planVersion   the plan version this event leaves the plan at (1 for a new plan)
 * @param occurredAt    when the change committed (UTC)
 * @param change        who changed what and whether the client is told; may be empty for a new plan
 * @param plan          the full snapshot at {@code planVersion}
 */
public record PlanEvent(UUID eventId, PlanEventType type, int schemaVersion, UUID planId, long planVersion,
                        Instant occurredAt, Change change, PlanSnapshot plan) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "plan-events";
    public static final String DEAD_LETTER_TOPIC = "plan-events.dlq";
    public static final String EVENT_ID_HEADER = "wellplan-event-id";
    public static final String EVENT_TYPE_HEADER = "wellplan-event-type";

    public PlanEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "unknown event type");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(plan, "plan");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
        if (planVersion < 1) {
            throw new IllegalArgumentException("planVersion must be at least 1");
        }
        if (change == null) {
            change = Change.none();
        }
    }

    /** Who made the change, why, and whether the client should hear about it. */
    public record Change(String actor, String reason, boolean silent) {
        public static Change none() {
            return new Change(null, null, false);
        }
    }
}
