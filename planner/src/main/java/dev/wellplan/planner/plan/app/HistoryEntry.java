package dev.wellplan.planner.plan.app;

import java.time.Instant;

/** One version of a plan's history: who changed it, when, why, and the status it left the plan in. */
public record HistoryEntry(long version, String status, String event, String actor, String reason, Instant at) {
}
