package dev.wellplan.planner.checkin.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** AFT-3's proposals: a session one pressure step lighter, pending until a coach decides. */
public interface ProposalDao {

    record Row(UUID id, UUID planId, UUID checkInId, String itemId, String pressure, String status,
               Instant createdAt, Instant decidedAt, String decidedBy, Long planVersion) {
    }

    /** A {@link Row}'s columns. */
    String COLUMNS = "id, plan_id, check_in_id, item_id, pressure, status, created_at, decided_at, decided_by,"
            + " plan_version";

    /** Proposes; 0 when the session already has a pending proposal. */
    @SqlUpdate("""
            INSERT INTO planner.proposal (id, plan_id, check_in_id, item_id, pressure, created_at)
            VALUES (:id, :planId, :checkInId, :itemId, :pressure, :at)
            ON CONFLICT (plan_id, item_id) WHERE status = 'PENDING' DO NOTHING""")
    int propose(@Bind("id") UUID id, @Bind("planId") UUID planId, @Bind("checkInId") UUID checkInId,
                @Bind("itemId") String itemId, @Bind("pressure") String pressure, @Bind("at") Instant at);

    @SqlQuery("SELECT id FROM planner.proposal WHERE plan_id = :planId AND item_id = :itemId AND status = 'PENDING'")
    Optional<UUID> pending(@Bind("planId") UUID planId, @Bind("itemId") String itemId);

    /** The plan's pending proposals, oldest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM planner.proposal WHERE plan_id = :planId AND status = 'PENDING'"
            + " ORDER BY created_at, id")
    @RegisterConstructorMapper(Row.class)
    List<Row> pendingOf(@Bind("planId") UUID planId);

    /** The plan's proposal, locked until the caller's transaction ends: one decision at a time. */
    @SqlQuery("SELECT " + COLUMNS + " FROM planner.proposal WHERE id = :id AND plan_id = :planId FOR UPDATE")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> lock(@Bind("planId") UUID planId, @Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE planner.proposal SET status = :status, decided_at = :at, decided_by = :by, plan_version = :version
            WHERE id = :id AND status = 'PENDING'""")
    int decide(@Bind("id") UUID id, @Bind("status") String status, @Bind("by") String by, @Bind("at") Instant at,
               @Bind("version") Long version);
}
