package dev.wellplan.notifier.access;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.support.access.AccessAudit;
import dev.wellplan.support.access.AuditTable;

/** The notifier's audit log, {@code notifier.audit}: every read of a plan's reminders by a coach or admin. */
@ApplicationScoped
public class NotifierAudit {

    @Produces
    @Singleton
    AccessAudit auditLog(Jdbi jdbi, Clock clock) {
        return new AuditTable(jdbi, clock, "notifier.audit");
    }
}
