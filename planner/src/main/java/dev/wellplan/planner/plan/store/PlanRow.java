package dev.wellplan.planner.plan.store;

import java.time.Instant;
import java.util.UUID;

/** A plan as stored: the newest version's document plus what the roster filters on. */
public record PlanRow(UUID id, UUID clientId, long version, String status, String timeZone,
                      String body, String coachId, Instant createdAt, Instant updatedAt) {
}
