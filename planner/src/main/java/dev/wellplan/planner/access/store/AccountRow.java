package dev.wellplan.planner.access.store;

import java.time.Instant;
import java.util.UUID;

/** A coach's or admin's account as stored; {@code passwordHash} never leaves the planner's access package. */
public record AccountRow(UUID id, String login, String email, String name, String role, String passwordHash,
                         boolean disabled, Instant createdAt, Instant lastSignInAt) {
}
