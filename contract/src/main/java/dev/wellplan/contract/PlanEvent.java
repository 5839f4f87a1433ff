package dev.wellplan.contract;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

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
 * @param checkIn       on a {@link PlanEventType#CheckInRecorded} only: which session was checked in on, and whether
 *                      its +48 h check-in is still wanted; null (and not written) on every other event
 */
public record PlanEvent(UUID eventId, PlanEventType type, int schemaVersion, UUID planId, long planVersion,
                        Instant occurredAt, Change change, PlanSnapshot plan,
                        @JsonInclude(JsonInclude.Include.NON_NULL) CheckIn checkIn) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "plan-events";
    public static final String DEAD_LETTER_TOPIC = "plan-events.dlq";
    public static final String EVENT_ID_HEADER = "wellplan-event-id";
    public static final String EVENT_TYPE_HEADER = "wellplan-event-type";

    /** An event that is not about a check-in: every type but {@link PlanEventType#CheckInRecorded}. */
    public PlanEvent(UUID eventId, PlanEventType type, int schemaVersion, UUID planId, long planVersion,
                     Instant occurredAt, Change change, PlanSnapshot plan) {
        this(eventId, type, schemaVersion, planId, planVersion, occurredAt, change, plan, null);
    }

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

    /**
     * Who made the change, why, and whether the client should hear about it. {@code cause} says what set the change
     * off, so the client's e-mail can say so ("a symptom you reported" is not "your coach updated your plan"). Added
     * after the first events: written only when set, and a reader takes it absent (or a value it does not know) as
     * {@link Cause#COACH}, see {@link #causeOrCoach()}.
     */
    public record Change(String actor, String reason, boolean silent,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Cause cause) {

        /** A change whose cause is not said: a coach's, as every change was before causes were written. */
        public Change(String actor, String reason, boolean silent) {
            this(actor, reason, silent, null);
        }

        public static Change none() {
            return new Change(null, null, false);
        }

        /** The cause, or {@link Cause#COACH} when the producer wrote none (or one this reader does not know). */
        public Cause causeOrCoach() {
            return cause == null ? Cause.COACH : cause;
        }
    }

    /** What set a change off; on the wire in lower case ({@code check-in}), an open set like every value set. */
    public enum Cause {
        /** A coach adjusted the plan, or changed its status (pause, resume, cancel). */
        COACH,
        /** A client's check-in reported a red flag, and the plan waits for clearance again (LIF-3). */
        CHECK_IN,
        /** A coach recorded the client's medical clearance (SAFE-3). */
        CLEARANCE,
        /** The client themselves: they confirmed their enrollment, or asked for the change. */
        CLIENT,
        /** wellplan on its own: an enrollment that expired, a plan that came to its end. */
        SYSTEM;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A check-in on a session ({@link PlanEventType#CheckInRecorded}), without any of its answers: no scores, no
     * notes, no red-flag names (a red flag shows as the plan's own change to {@code AWAITING_CLEARANCE}).
     *
     * @param itemId   the massage session checked in on; null for a report at any time, about no session
     * @param followUp AFT-2: whether the session's +48 h check-in is still wanted (soreness reported at +24 h)
     */
    public record CheckIn(String itemId, boolean followUp) {
    }
}
