package dev.wellplan.planner.access.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import dev.wellplan.planner.access.app.AuditEntry;

/** The audit log: appended to, read by admins; the table refuses every update and delete. */
public interface AuditDao {

    @SqlUpdate("""
            INSERT INTO planner.audit (at, actor_id, actor_role, action, plan_id, address, status)
            VALUES (:at, :actorId, :actorRole, :action, :planId, :address, :status)""")
    void append(@Bind("at") Instant at, @Bind("actorId") String actorId, @Bind("actorRole") String actorRole,
                @Bind("action") String action, @Bind("planId") UUID planId, @Bind("address") String address,
                @Bind("status") int status);

    @SqlQuery("""
            SELECT id, at, actor_id, actor_role, action, plan_id, address, status FROM planner.audit
            WHERE plan_id = :planId ORDER BY id""")
    @RegisterConstructorMapper(AuditEntry.class)
    List<AuditEntry> ofPlan(@Bind("planId") UUID planId);
}
