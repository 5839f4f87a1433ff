package dev.wellplan.planner.access.app;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.planner.access.store.AuditDao;
import dev.wellplan.support.access.AccessAudit;

/**
 * The planner's audit log: every read of a plan's health data and every change by a coach or admin, appended
 * in its own statement (a refused or failed change is recorded too, with its status).
 */
@ApplicationScoped
public class AuditLog implements AccessAudit {

    private final AuditDao audit;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.audit = jdbi.onDemand(AuditDao.class);
        this.clock = clock;
    }

    @Override
    public void record(String actorId, String actorRole, String action, UUID planId, String address, int status) {
        audit.append(clock.instant(), actorId, actorRole, action, planId, address, status);
    }

    public List<AuditEntry> ofPlan(UUID planId) {
        return audit.ofPlan(planId);
    }
}
