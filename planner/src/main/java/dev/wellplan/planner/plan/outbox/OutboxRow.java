package dev.wellplan.planner.plan.outbox;

import java.time.Instant;
import java.util.UUID;

public record OutboxRow(UUID id, long seq, UUID aggregateId, String eventType, String payload, Instant createdAt) {
}
