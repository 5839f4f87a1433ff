package dev.wellplan.notifier.access;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.access.AccessAudit;
import dev.wellplan.support.access.AuditTable;

/** The notifier's audit log, {@code notifier.audit}: every read of a plan's reminders by a coach or admin. */
@ApplicationScoped
public class NotifierAudit {

    @Produces
    @Singleton
    AccessAudit auditLog(TransactionHandles handles, Clock clock) {
        return new AuditTable(handles, clock, "notifier.audit");
    }
}
