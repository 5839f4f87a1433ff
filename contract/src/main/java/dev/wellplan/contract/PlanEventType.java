package dev.wellplan.contract;

/**
 * Past-tense names of what happened to a plan. In schema version 1 this is a closed set: a
 * consumer dead-letters a type it does not know, so consumers are deployed before a producer
 * emits a new type (docs/events.md).
 */
public enum PlanEventType {
    /** A client enrolled; the plan exists at version 1. */
    PlanCreated,
    /** A coach changed items of the plan (moved, swapped, progressed, regressed). */
    PlanAdjusted,
    /** The plan's status changed: clearance, pause, resume, cancel, complete, or back to awaiting clearance. */
    PlanStatusChanged,
    /** The plan was assigned to a coach, or to another one, or back to the unassigned pool; the client is not told. */
    PlanAssigned,
    /**
     * The plan's client asked for fresh links by e-mail ({@code POST /api/access-links}). Not a new version: the
     * snapshot is the plan as it stands, and a consumer that keeps state by version leaves its state alone.
     */
    AccessLinkRequested,
    /**
     * A client (or their coach, for them) answered a check-in ({@code POST /api/plans/{id}/check-ins}); the event's
     * {@code checkIn} says which session and whether its +48 h check-in is still wanted (AFT-2), never the answers.
     * Not a new version, like {@link #AccessLinkRequested}: the snapshot is the plan as it stands. A check-in that
     * changes the plan (a red flag) is a {@link #PlanStatusChanged} of its own, with {@code change.cause}
     * {@code check-in}.
     */
    CheckInRecorded;

    /** Whether events of this type leave the plan at a new version (all but those about the plan as it stands). */
    public boolean newVersion() {
        return this != AccessLinkRequested && this != CheckInRecorded;
    }
}
