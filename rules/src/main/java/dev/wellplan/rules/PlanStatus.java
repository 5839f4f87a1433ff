package dev.wellplan.rules;

/** LIF-3. */
public enum PlanStatus { AWAITING_CLEARANCE, ACTIVE, PAUSED, COMPLETED, CANCELLED }
