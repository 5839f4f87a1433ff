package dev.wellplan.support.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import dev.wellplan.support.TransactionHandles;

/**
 * An append-only audit table of one service's schema ({@code planner.audit}, {@code notifier.audit}): the same
 * columns and the same SQL on both, each service in its own schema so that neither writes the other's tables.
 * Every record is its own statement: a refused or failed change is recorded too, with its status.
 */
public final class AuditTable implements AccessAudit {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+\\.audit");

    /** The SQL; {@code <table>} is the schema-qualified table, fixed in code, never from a request. */
    interface Dao {

        @SqlUpdate("""
                INSERT INTO <table> (at, actor_id, actor_role, action, plan_id, address, status)
                VALUES (:at, :actorId, :actorRole, :action, :planId, :address, :status)""")
        void append(@Define("table") String table, @Bind("at") Instant at, @Bind("actorId") String actorId,
                    @Bind("actorRole") String actorRole, @Bind("action") String action, @Bind("planId") UUID planId,
                    @Bind("address") String address, @Bind("status") int status);

        @SqlQuery("""
                SELECT id, at, actor_id, actor_role, action, plan_id, address, status FROM <table>
                WHERE plan_id = :planId ORDER BY id""")
        @RegisterConstructorMapper(AuditEntry.class)
        List<AuditEntry> ofPlan(@Define("table") String table, @Bind("planId") UUID planId);
    }

    private final Dao dao;
    private final Clock clock;
    private final String table;

    /** @param table the schema-qualified table, e.g. {@code notifier.audit} */
    public AuditTable(TransactionHandles handles, Clock clock, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not an audit table: " + table);
        }
        this.dao = handles.onDemand(Dao.class);
        this.clock = clock;
        this.table = table;
    }

    @Override
    public void record(String actorId, String actorRole, String action, UUID planId, String address, int status) {
        dao.append(table, clock.instant(), actorId, actorRole, action, planId, address, status);
    }

    /** Who read or changed a plan, oldest first. */
    public List<AuditEntry> ofPlan(UUID planId) {
        return dao.ofPlan(table, planId);
    }
}
