package dev.wellplan.support.access;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log: who (account id or subject, and role), when, what route, which plan, from where, answered how. */
public record AuditEntry(long id, Instant at, String actorId, String actorRole, String action, UUID planId,
                         String address, int status) {
}
