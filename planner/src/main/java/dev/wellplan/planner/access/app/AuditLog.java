package dev.wellplan.planner.access.app;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.access.AccessAudit;
import dev.wellplan.support.access.AuditEntry;
import dev.wellplan.support.access.AuditTable;

/**
 * The planner's audit log, {@code planner.audit}: every read of a plan's health data and every change by a coach
 * or admin, and what admins read back.
 */
@ApplicationScoped
public class AuditLog implements AccessAudit {

    private final AuditTable table;

    public AuditLog(TransactionHandles handles, Clock clock) {
        this.table = new AuditTable(handles, clock, "planner.audit");
    }

    @Override
    public void record(String actorId, String actorRole, String action, UUID planId, String address, int status) {
        table.record(actorId, actorRole, action, planId, address, status);
    }

    public List<AuditEntry> ofPlan(UUID planId) {
        return table.ofPlan(planId);
    }
}
