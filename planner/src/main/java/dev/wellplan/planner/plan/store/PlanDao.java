package dev.wellplan.planner.plan.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for clients, plans, their revisions and enrollment idempotency keys. */
@RegisterConstructorMapper(PlanRow.class)
public interface PlanDao {

    @SqlUpdate("""
            INSERT INTO planner.client (id, name, email, email_key, time_zone, created_at)
            VALUES (:id, :name, :email, :emailKey, :timeZone, :at)""")
    void insertClient(@Bind("id") UUID id, @Bind("name") String name, @Bind("email") String email,
                      @Bind("emailKey") String emailKey, @Bind("timeZone") String timeZone, @Bind("at") Instant at);

    @SqlUpdate("""
            INSERT INTO planner.plan (id, client_id, version, status, confirmation, time_zone, start_date, end_date,
                                      assessment, body, coach_id, created_at, updated_at)
            VALUES (:id, :clientId, :version, :status, :confirmation, :timeZone, :startDate, :endDate,
                    CAST(:assessment AS jsonb), CAST(:body AS jsonb), :coachId, :at, :at)""")
    void insertPlan(@Bind("id") UUID id, @Bind("clientId") UUID clientId, @Bind("version") long version,
                    @Bind("status") String status, @Bind("confirmation") String confirmation,
                    @Bind("timeZone") String timeZone, @Bind("startDate") LocalDate startDate,
                    @Bind("endDate") LocalDate endDate, @Bind("assessment") String assessment,
                    @Bind("body") String body, @Bind("coachId") String coachId, @Bind("at") Instant at);

    /** The first revision of a plan, made by its enrollment. */
    default void insertRevision(UUID planId, long version, String status, String eventType, String actor,
                                String reason, Instant at) {
        insertRevision(new RevisionRow(planId, version, status, eventType, actor, reason, null, null, null, null), at);
    }

    /**
     * Records the plan's row as it stands at {@code revision.version()} as that version's revision: the body is
     * copied inside PostgreSQL (the stored, compressed document, not parsed and compressed again). Call it after the
     * plan row was written in the same transaction.
     *
     * @throws IllegalStateException when the plan row is not at that version
     */
    default void insertRevision(RevisionRow revision, Instant at) {
        if (copyRevision(revision, at) != 1) {
            throw new IllegalStateException("plan " + revision.planId() + " is not at version " + revision.version()
                    + ": its revision cannot be recorded");
        }
    }

    @SqlUpdate("""
            INSERT INTO planner.plan_revision (plan_id, version, status, event_type, actor, reason, body, coach_id,
                                               silent, operations, overrides, created_at)
            SELECT p.id, :version, :status, :eventType, :actor, :reason, p.body, :coachId, :silent,
                   CAST(:operations AS jsonb), CAST(:overrides AS jsonb), :at
            FROM planner.plan p WHERE p.id = :planId AND p.version = :version""")
    int copyRevision(@BindMethods RevisionRow revision, @Bind("at") Instant at);

    /**
     * One version as its revision keeps it, besides the plan's body (the plan row's): its coach (null: the pool, or
     * a revision made before revisions kept it), whether the client was told ({@code silent}), and for an adjustment
     * its operations and the rules it set aside (JSON; null for other changes).
     */
    record RevisionRow(UUID planId, long version, String status, String eventType, String actor, String reason,
                       String coachId, Boolean silent, String operations, String overrides) {
    }

    @SqlQuery("""
            SELECT id, client_id, version, status, time_zone, body::text AS body, coach_id, created_at, updated_at
            FROM planner.plan WHERE id = :id""")
    Optional<PlanRow> findPlan(@Bind("id") UUID id);

    /**
     * Whose plan: empty for no such plan, a row with a null coach for the unassigned pool, and when its client
     * last signed out everywhere.
     */
    @SqlQuery("""
            SELECT p.id, p.coach_id, c.links_not_before FROM planner.plan p JOIN planner.client c ON c.id = p.client_id
            WHERE p.id = :id""")
    @RegisterConstructorMapper(Ownership.class)
    Optional<Ownership> ownership(@Bind("id") UUID id);

    record Ownership(UUID id, String coachId, Instant linksNotBefore) {
    }

    /** The newest confirmed plans of the client with this address (normalized), at most {@code limit}. */
    @SqlQuery("""
            SELECT p.id FROM planner.plan p JOIN planner.client c ON c.id = p.client_id
            WHERE c.email_key = :emailKey AND p.confirmation = 'CONFIRMED'
            ORDER BY p.created_at DESC LIMIT :limit""")
    List<UUID> confirmedPlansOf(@Bind("emailKey") String emailKey, @Bind("limit") int limit);

    /** Signs the client of this plan out everywhere: their links issued before {@code at} stop working. */
    @SqlUpdate("""
            UPDATE planner.client SET links_not_before = :at
            WHERE id = (SELECT client_id FROM planner.plan WHERE id = :planId)""")
    int signOutClient(@Bind("planId") UUID planId, @Bind("at") Instant at);

    /** Plans still waiting for their client's confirmation that were enrolled before {@code cutoff}. */
    @SqlQuery("""
            SELECT id FROM planner.plan WHERE confirmation = 'PENDING' AND created_at < :cutoff
            ORDER BY created_at LIMIT :limit""")
    List<UUID> pendingSince(@Bind("cutoff") Instant cutoff, @Bind("limit") int limit);

    /**
     * Forgets who an unconfirmed enrollment named: the address may have been a stranger's, and nobody agreed to
     * keep these answers. The plan row stays, for the history and the events, without them.
     */
    @SqlUpdate("""
            UPDATE planner.client SET name = '', email = :placeholder, email_key = :placeholder
            WHERE id = (SELECT client_id FROM planner.plan WHERE id = :planId)""")
    int forgetClient(@Bind("planId") UUID planId, @Bind("placeholder") String placeholder);

    @SqlUpdate("UPDATE planner.plan SET assessment = CAST(:assessment AS jsonb) WHERE id = :planId")
    int replaceAssessment(@Bind("planId") UUID planId, @Bind("assessment") String assessment);

    /** Claims the key for this plan; returns 0 when another enrollment already holds it. */
    @SqlUpdate("""
            INSERT INTO planner.idempotency_key (key, request_hash, plan_id, created_at)
            VALUES (:key, :hash, :planId, :at) ON CONFLICT (key) DO NOTHING""")
    int claimIdempotencyKey(@Bind("key") String key, @Bind("hash") String requestHash,
                            @Bind("planId") UUID planId, @Bind("at") Instant at);

    @SqlQuery("SELECT plan_id, request_hash, result FROM planner.idempotency_key WHERE key = :key")
    @RegisterConstructorMapper(IdempotencyKey.class)
    Optional<IdempotencyKey> findIdempotencyKey(@Bind("key") String key);

    /** {@code result}: the first answer, for a retry to repeat; null where a retry answers otherwise (enrollments). */
    record IdempotencyKey(UUID planId, String requestHash, String result) {
    }

    @SqlUpdate("UPDATE planner.idempotency_key SET result = :result WHERE key = :key")
    int rememberResult(@Bind("key") String key, @Bind("result") String result);

    /** What a change starts from: the plan and its assessment. */
    String PLAN_TO_CHANGE = """
            SELECT id, client_id, version, status, confirmation, time_zone, body::text AS body,
                   assessment::text AS assessment, coach_id, created_at, updated_at
            FROM planner.plan WHERE id = :id""";

    /** The plan and its assessment, locked until the caller's transaction ends: one change at a time per plan. */
    /** The plan's status, without its documents (empty: no such plan). */
    @SqlQuery("SELECT status FROM planner.plan WHERE id = :id")
    Optional<String> status(@Bind("id") UUID id);

    @SqlQuery(PLAN_TO_CHANGE + " FOR UPDATE")
    @RegisterConstructorMapper(LockedPlan.class)
    Optional<LockedPlan> lockPlan(@Bind("id") UUID id);

    /** As {@link #lockPlan}, without the lock: what a change would start from, for a preview that stores nothing. */
    @SqlQuery(PLAN_TO_CHANGE)
    @RegisterConstructorMapper(LockedPlan.class)
    Optional<LockedPlan> readPlan(@Bind("id") UUID id);

    /**
     * Moves the plan to {@code version}; 0 when it is no longer at the version before (a change won meanwhile). A null
     * {@code body} keeps the stored document (a version whose plan is unchanged: no parsing, no new copy of it).
     */
    @SqlUpdate("""
            UPDATE planner.plan SET version = :version, status = :status, confirmation = :confirmation,
                   time_zone = :timeZone, start_date = :startDate, end_date = :endDate,
                   body = COALESCE(CAST(:body AS jsonb), body),
                   coach_id = :coachId, updated_at = :at
            WHERE id = :id AND version = :version - 1""")
    int updatePlan(@Bind("id") UUID id, @Bind("version") long version, @Bind("status") String status,
                   @Bind("confirmation") String confirmation, @Bind("timeZone") String timeZone,
                   @Bind("startDate") LocalDate startDate, @Bind("endDate") LocalDate endDate,
                   @Bind("body") String body, @Bind("coachId") String coachId, @Bind("at") Instant at);

    /**
     * The plan's newest version, the assessment it came from ({@code {}} once an unconfirmed enrollment was forgotten)
     * and its client's name: its coach's page, in one read.
     */
    @SqlQuery("""
            SELECT p.id, p.version, p.status, p.body::text AS body, p.coach_id, p.assessment::text AS assessment,
                   c.name AS client_name
            FROM planner.plan p JOIN planner.client c ON c.id = p.client_id WHERE p.id = :id""")
    @RegisterConstructorMapper(PlanWithAssessmentRow.class)
    Optional<PlanWithAssessmentRow> findPlanWithAssessment(@Bind("id") UUID id);

    record PlanWithAssessmentRow(UUID id, long version, String status, String body, String coachId, String assessment,
                                 String clientName) {
    }

    @SqlQuery("SELECT name, email, time_zone FROM planner.client WHERE id = :id")
    @RegisterConstructorMapper(ClientRow.class)
    ClientRow client(@Bind("id") UUID id);

    String REVISIONS = """
            SELECT version, status, event_type, actor, reason, created_at, body::text AS body, coach_id, silent,
                   operations::text AS operations, overrides::text AS overrides
            FROM planner.plan_revision WHERE plan_id = :planId""";

    @SqlQuery(REVISIONS + " ORDER BY version")
    @RegisterConstructorMapper(Revision.class)
    List<Revision> revisions(@Bind("planId") UUID planId);

    /**
     * The version at which the plan last entered {@code AWAITING_CLEARANCE} (the first of the newest unbroken run of
     * revisions in that status), read from its history; null when its newest revision is in another status. The
     * same for every version of one clearance episode, new for the next one.
     */
    @SqlQuery("""
            SELECT min(version) FROM planner.plan_revision
            WHERE plan_id = :planId AND status = 'AWAITING_CLEARANCE'
              AND version > (SELECT coalesce(max(version), 0) FROM planner.plan_revision
                             WHERE plan_id = :planId AND status <> 'AWAITING_CLEARANCE')""")
    Long awaitingClearanceSince(@Bind("planId") UUID planId);

    @SqlQuery(REVISIONS + " AND version = :version")
    @RegisterConstructorMapper(Revision.class)
    Optional<Revision> revision(@Bind("planId") UUID planId, @Bind("version") long version);

    record LockedPlan(UUID id, UUID clientId, long version, String status, String confirmation, String timeZone,
                      String body, String assessment, String coachId, Instant createdAt, Instant updatedAt) {
    }

    record ClientRow(String name, String email, String timeZone) {
    }

    record Revision(long version, String status, String eventType, String actor, String reason, Instant createdAt,
                    String body, String coachId, Boolean silent, String operations, String overrides) {
    }
}
