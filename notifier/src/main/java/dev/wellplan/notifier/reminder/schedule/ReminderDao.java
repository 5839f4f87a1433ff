package dev.wellplan.notifier.reminder.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of the reminder ledger, the applied plan state and the processed-event log (the dispatcher's is in
 * {@code LedgerStatements}). The writes take a batch of events at once: element {@code i} of each array is one
 * reminder, plan or event, with the plan version it belongs to.
 */
@RegisterConstructorMapper(ReminderRow.class)
public interface ReminderDao {

    String COLUMNS = """
            id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version, status, attempts,
            sent_at, message_id, last_error""";

    /** A plan's applied version. */
    record AppliedVersion(UUID planId, long version) {
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM notifier.reminder WHERE plan_id = :planId ORDER BY due_at, id")
    List<ReminderRow> findByPlan(@Bind("planId") UUID planId);

    /** The ledgers of these plans, in one read. */
    @SqlQuery("SELECT " + COLUMNS + " FROM notifier.reminder WHERE plan_id = ANY(:planIds) ORDER BY plan_id, due_at, id")
    List<ReminderRow> findByPlans(@Bind("planIds") UUID[] planIds);

    /**
     * Adds new reminders in one statement: each its plan and version, key, item id or null, kind, due instant and
     * local time as ISO-8601 text, and zone.
     */
    @SqlUpdate("""
            INSERT INTO notifier.reminder (id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version,
                                           status, created_at, updated_at)
            SELECT r.id, r.plan_id, r.item_id, r.kind, r.due_at, r.local_time, r.time_zone, r.plan_version,
                   'SCHEDULED', :now, :now
            FROM unnest(CAST(:planIds AS uuid[]), CAST(:versions AS bigint[]), CAST(:ids AS text[]),
                        CAST(:itemIds AS text[]), CAST(:kinds AS text[]), CAST(:dueAt AS timestamptz[]),
                        CAST(:localTime AS timestamp[]), CAST(:timeZones AS text[]))
                 AS r(plan_id, plan_version, id, item_id, kind, due_at, local_time, time_zone)""")
    int insertAll(@Bind("now") Instant now, @Bind("planIds") UUID[] planIds, @Bind("versions") Long[] versions,
                  @Bind("ids") String[] ids, @Bind("itemIds") String[] itemIds, @Bind("kinds") String[] kinds,
                  @Bind("dueAt") String[] dueAt, @Bind("localTime") String[] localTime,
                  @Bind("timeZones") String[] timeZones);

    /**
     * Moves reminders that are not sent yet (a rescheduled item, a resumed plan) in one statement; the arrays are
     * read as in {@link #insertAll}. A reminder sent meanwhile is left alone.
     */
    @SqlUpdate("""
            UPDATE notifier.reminder r SET due_at = m.due_at, local_time = m.local_time, time_zone = m.time_zone,
                   plan_version = m.plan_version, status = 'SCHEDULED', attempts = 0, last_error = NULL,
                   updated_at = :now
            FROM unnest(CAST(:versions AS bigint[]), CAST(:ids AS text[]), CAST(:dueAt AS timestamptz[]),
                        CAST(:localTime AS timestamp[]), CAST(:timeZones AS text[]))
                 AS m(plan_version, id, due_at, local_time, time_zone)
            WHERE r.id = m.id AND r.status IN ('SCHEDULED', 'CANCELLED', 'SKIPPED')""")
    int rescheduleAll(@Bind("now") Instant now, @Bind("versions") Long[] versions, @Bind("ids") String[] ids,
                      @Bind("dueAt") String[] dueAt, @Bind("localTime") String[] localTime,
                      @Bind("timeZones") String[] timeZones);

    /** Cancels reminders not sent yet, each by the plan version that no longer wants it. */
    @SqlUpdate("""
            UPDATE notifier.reminder r SET status = 'CANCELLED', plan_version = c.plan_version, updated_at = :now
            FROM unnest(CAST(:ids AS text[]), CAST(:versions AS bigint[])) AS c(id, plan_version)
            WHERE r.id = c.id AND r.status = 'SCHEDULED'""")
    int cancelAll(@Bind("ids") String[] ids, @Bind("versions") Long[] versions, @Bind("now") Instant now);

    /** Cancels the CHECK_IN reminders of these items not sent yet, saying why ({@code reason}). */
    @SqlUpdate("""
            UPDATE notifier.reminder SET status = 'CANCELLED', last_error = :reason, updated_at = :now
            WHERE plan_id = :planId AND kind = 'CHECK_IN' AND item_id IN (<itemIds>) AND status = 'SCHEDULED'""")
    int cancelFollowUps(@Bind("planId") UUID planId, @BindList("itemIds") Collection<String> itemIds,
                        @Bind("reason") String reason, @Bind("now") Instant now);

    // ---- applied plan state ------------------------------------------------------------

    /** Locks the applied state of these plans (those that have one), in plan id order, and reads its version. */
    @SqlQuery("SELECT plan_id, version FROM notifier.plan_state WHERE plan_id = ANY(:planIds) ORDER BY plan_id FOR UPDATE")
    @RegisterConstructorMapper(AppliedVersion.class)
    List<AppliedVersion> lockAppliedVersions(@Bind("planIds") UUID[] planIds);

    /**
     * Saves the applied states of these plans (one version each), each only over an older one, and records what each
     * version changes against the state saved before ({@link PlanChanges}): both in one statement, whose parts all
     * read the states as they were before it. {@code snapshots} is a JSON array of the versions' snapshots, in the
     * order of the other arrays: one parameter, parsed once, rather than a text array of JSON documents to escape.
     */
    @SqlUpdate("""
            WITH s AS (
                SELECT a.plan_id, a.version, a.status, a.cause, a.reason, a.silent, j.snapshot
                FROM unnest(CAST(:planIds AS uuid[]), CAST(:versions AS bigint[]), CAST(:statuses AS text[]),
                            CAST(:causes AS text[]), CAST(:reasons AS text[]), CAST(:silent AS boolean[]))
                         WITH ORDINALITY AS a(plan_id, version, status, cause, reason, silent, n)
                JOIN jsonb_array_elements(CAST(:snapshots AS jsonb)) WITH ORDINALITY AS j(snapshot, n) USING (n)
            ), changed AS (
                INSERT INTO notifier.plan_change (plan_id, version, cause, reason, silent, status_before, status_after,
                                                  items_before, items_after, recorded_at)
                SELECT s.plan_id, s.version, s.cause, s.reason, s.silent, p.status, s.status,
                       p.snapshot -> 'plan' -> 'items', s.snapshot -> 'plan' -> 'items', :now
                FROM s LEFT JOIN notifier.plan_state p ON p.plan_id = s.plan_id
                ON CONFLICT (plan_id, version) DO NOTHING
            )
            INSERT INTO notifier.plan_state (plan_id, version, status, snapshot, updated_at)
            SELECT s.plan_id, s.version, s.status, s.snapshot, :now FROM s
            ON CONFLICT (plan_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                   snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
            WHERE notifier.plan_state.version < EXCLUDED.version""")
    int saveStates(@Bind("planIds") UUID[] planIds, @Bind("versions") Long[] versions,
                   @Bind("statuses") String[] statuses, @Bind("causes") String[] causes,
                   @Bind("reasons") String[] reasons, @Bind("silent") Boolean[] silent,
                   @Bind("snapshots") String snapshots, @Bind("now") Instant now);

    @SqlQuery("SELECT snapshot::text FROM notifier.plan_state WHERE plan_id = :planId")
    Optional<String> snapshot(@Bind("planId") UUID planId);

    // ---- processed events ----------------------------------------------------------------

    /**
     * Claims events for this transaction, in the order given: returns those that were not processed before, and not
     * the others (processed before, or by a transaction that processes them concurrently and commits first; this
     * one waits for it on the key).
     */
    @SqlQuery("""
            INSERT INTO notifier.processed_event (event_id, plan_id, plan_version, outcome, processed_at)
            SELECT e.event_id, e.plan_id, e.plan_version, :outcome, :now
            FROM unnest(CAST(:eventIds AS uuid[]), CAST(:planIds AS uuid[]), CAST(:versions AS bigint[]))
                 WITH ORDINALITY AS e(event_id, plan_id, plan_version, n)
            ORDER BY e.n
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""")
    List<UUID> markAllProcessed(@Bind("eventIds") UUID[] eventIds, @Bind("planIds") UUID[] planIds,
                                @Bind("versions") Long[] versions, @Bind("outcome") String outcome,
                                @Bind("now") Instant now);

    @SqlUpdate("UPDATE notifier.processed_event SET outcome = :outcome WHERE event_id = ANY(:eventIds)")
    int setOutcomes(@Bind("eventIds") UUID[] eventIds, @Bind("outcome") String outcome);
}
