package dev.wellplan.contract;

/** Past-tense names of what happened to a plan. Additive only: consumers ignore names they do not know. */
public enum PlanEventType {
    /** A client enrolled; the plan exists at version 1. */
    PlanCreated,
    /** A coach changed items of the plan (moved, swapped, progressed, regressed). */
    PlanAdjusted,
    /** The plan's status changed: clearance, pause, resume, cancel, complete, or back to awaiting clearance. */
    PlanStatusChanged
}
