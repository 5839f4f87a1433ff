package dev.wellplan.planner.plan.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for clients, plans, their revisions and enrollment idempotency keys. */
@RegisterConstructorMapper(PlanRow.class)
public interface PlanDao {

    @SqlUpdate("""
            INSERT INTO planner.client (id, name, email, time_zone, created_at)
            VALUES (:id, :name, :email, :timeZone, :at)""")
    void insertClient(@Bind("id") UUID id, @Bind("name") String name, @Bind("email") String email,
                      @Bind("timeZone") String timeZone, @Bind("at") Instant at);

    @SqlUpdate("""
            INSERT INTO planner.plan (id, client_id, version, status, time_zone, start_date, end_date,
                                      assessment, body, coach_id, created_at, updated_at)
            VALUES (:id, :clientId, :version, :status, :timeZone, :startDate, :endDate,
                    CAST(:assessment AS jsonb), CAST(:body AS jsonb), :coachId, :at, :at)""")
    void insertPlan(@Bind("id") UUID id, @Bind("clientId") UUID clientId, @Bind("version") long version,
                    @Bind("status") String status, @Bind("timeZone") String timeZone,
                    @Bind("startDate") LocalDate startDate, @Bind("endDate") LocalDate endDate,
                    @Bind("assessment") String assessment, @Bind("body") String body,
                    @Bind("coachId") String coachId, @Bind("at") Instant at);

    @SqlUpdate("""
            INSERT INTO planner.plan_revision (plan_id, version, status, event_type, actor, reason, body, created_at)
            VALUES (:planId, :version, :status, :eventType, :actor, :reason, CAST(:body AS jsonb), :at)""")
    void insertRevision(@Bind("planId") UUID planId, @Bind("version") long version, @Bind("status") String status,
                        @Bind("eventType") String eventType, @Bind("actor") String actor,
                        @Bind("reason") String reason, @Bind("body") String body, @Bind("at") Instant at);

    @SqlQuery("""
            SELECT id, client_id, version, status, time_zone, body::text AS body, coach_id, created_at, updated_at
            FROM planner.plan WHERE id = :id""")
    Optional<PlanRow> findPlan(@Bind("id") UUID id);

    /** Whose plan: empty for no such plan, a row with a null coach for the unassigned pool. */
    @SqlQuery("SELECT id, coach_id FROM planner.plan WHERE id = :id")
    @RegisterConstructorMapper(Ownership.class)
    Optional<Ownership> ownership(@Bind("id") UUID id);

    record Ownership(UUID id, String coachId) {
    }

    /** Claims the key for this plan; returns 0 when another enrollment already holds it. */
    @SqlUpdate("""
            INSERT INTO planner.idempotency_key (key, request_hash, plan_id, created_at)
            VALUES (:key, :hash, :planId, :at) ON CONFLICT (key) DO NOTHING""")
    int claimIdempotencyKey(@Bind("key") String key, @Bind("hash") String requestHash,
                            @Bind("planId") UUID planId, @Bind("at") Instant at);

    @SqlQuery("SELECT plan_id, request_hash FROM planner.idempotency_key WHERE key = :key")
    @RegisterConstructorMapper(IdempotencyKey.class)
    Optional<IdempotencyKey> findIdempotencyKey(@Bind("key") String key);

    record IdempotencyKey(UUID planId, String requestHash) {
    }

    /** The plan and its assessment, locked until the caller's transaction ends: one change at a time per plan. */
    @SqlQuery("""
            SELECT id, client_id, version, status, time_zone, body::text AS body, assessment::text AS assessment,
                   coach_id, created_at, updated_at
            FROM planner.plan WHERE id = :id FOR UPDATE""")
    @RegisterConstructorMapper(LockedPlan.class)
    Optional<LockedPlan> lockPlan(@Bind("id") UUID id);

    @SqlUpdate("""
            UPDATE planner.plan SET version = :version, status = :status, start_date = :startDate,
                   end_date = :endDate, body = CAST(:body AS jsonb), coach_id = :coachId, updated_at = :at
            WHERE id = :id AND version = :version - 1""")
    int updatePlan(@Bind("id") UUID id, @Bind("version") long version, @Bind("status") String status,
                   @Bind("startDate") LocalDate startDate, @Bind("endDate") LocalDate endDate,
                   @Bind("body") String body, @Bind("coachId") String coachId, @Bind("at") Instant at);

    @SqlQuery("SELECT name, email, time_zone FROM planner.client WHERE id = :id")
    @RegisterConstructorMapper(ClientRow.class)
    ClientRow client(@Bind("id") UUID id);

    @SqlQuery("""
            SELECT version, status, event_type, actor, reason, created_at FROM planner.plan_revision
            WHERE plan_id = :planId ORDER BY version""")
    @RegisterConstructorMapper(Revision.class)
    java.util.List<Revision> revisions(@Bind("planId") UUID planId);

    record LockedPlan(UUID id, UUID clientId, long version, String status, String timeZone, String body,
                      String assessment, String coachId, Instant createdAt, Instant updatedAt) {
    }

    record ClientRow(String name, String email, String timeZone) {
    }

    record Revision(long version, String status, String eventType, String actor, String reason, Instant createdAt) {
    }
}
