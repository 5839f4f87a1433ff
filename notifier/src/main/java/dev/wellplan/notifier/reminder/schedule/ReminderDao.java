package dev.wellplan.notifier.reminder.schedule;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the reminder ledger, the applied plan state and the processed-event log. */
@RegisterConstructorMapper(ReminderRow.class)
public interface ReminderDao {

    String COLUMNS = """
            id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version, status, attempts,
            sent_at, message_id, last_error""";

    @SqlQuery("SELECT " + COLUMNS + " FROM notifier.reminder WHERE plan_id = :planId ORDER BY due_at, id")
    List<ReminderRow> findByPlan(@Bind("planId") UUID planId);

    /**
     * Adds a plan's new reminders in one statement: element {@code i} of each array is one reminder
     * (its key, item id or null, kind, due instant and local time as ISO-8601 text, and zone).
     */
    @SqlUpdate("""
            INSERT INTO notifier.reminder (id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version,
                                           status, created_at, updated_at)
            SELECT r.id, :planId, r.item_id, r.kind, r.due_at, r.local_time, r.time_zone, :planVersion,
                   'SCHEDULED', :now, :now
            FROM unnest(CAST(:ids AS text[]), CAST(:itemIds AS text[]), CAST(:kinds AS text[]),
                        CAST(:dueAt AS timestamptz[]), CAST(:localTime AS timestamp[]), CAST(:timeZones AS text[]))
                 AS r(id, item_id, kind, due_at, local_time, time_zone)""")
    int insertAll(@Bind("planId") UUID planId, @Bind("planVersion") long planVersion, @Bind("now") Instant now,
                  @Bind("ids") String[] ids, @Bind("itemIds") String[] itemIds, @Bind("kinds") String[] kinds,
                  @Bind("dueAt") String[] dueAt, @Bind("localTime") String[] localTime,
                  @Bind("timeZones") String[] timeZones);

    /**
     * Moves reminders that are not sent yet (a rescheduled item, a resumed plan) in one statement;
     * the arrays are read as in {@link #insertAll}. A reminder sent meanwhile is left alone.
     */
    @SqlUpdate("""
            UPDATE notifier.reminder r SET due_at = m.due_at, local_time = m.local_time, time_zone = m.time_zone,
                   plan_version = :planVersion, status = 'SCHEDULED', attempts = 0, last_error = NULL, updated_at = :now
            FROM unnest(CAST(:ids AS text[]), CAST(:dueAt AS timestamptz[]), CAST(:localTime AS timestamp[]),
                        CAST(:timeZones AS text[])) AS m(id, due_at, local_time, time_zone)
            WHERE r.id = m.id AND r.status IN ('SCHEDULED', 'CANCELLED', 'SKIPPED')""")
    int rescheduleAll(@Bind("planVersion") long planVersion, @Bind("now") Instant now, @Bind("ids") String[] ids,
                      @Bind("dueAt") String[] dueAt, @Bind("localTime") String[] localTime,
                      @Bind("timeZones") String[] timeZones);

    @SqlUpdate("""
            UPDATE notifier.reminder SET status = 'CANCELLED', plan_version = :planVersion, updated_at = :now
            WHERE id IN (<ids>) AND status = 'SCHEDULED'""")
    int cancel(@BindList("ids") Collection<String> ids, @Bind("planVersion") long planVersion, @Bind("now") Instant now);

    /** Cancels the CHECK_IN reminders of these items not sent yet, saying why ({@code reason}). */
    @SqlUpdate("""
            UPDATE notifier.reminder SET status = 'CANCELLED', last_error = :reason, updated_at = :now
            WHERE plan_id = :planId AND kind = 'CHECK_IN' AND item_id IN (<itemIds>) AND status = 'SCHEDULED'""")
    int cancelFollowUps(@Bind("planId") UUID planId, @BindList("itemIds") Collection<String> itemIds,
                        @Bind("reason") String reason, @Bind("now") Instant now);

    // ---- applied plan state ------------------------------------------------------------

    @SqlQuery("SELECT version FROM notifier.plan_state WHERE plan_id = :planId FOR UPDATE")
    Optional<Long> lockAppliedVersion(@Bind("planId") UUID planId);

    @SqlUpdate("""
            INSERT INTO notifier.plan_state (plan_id, version, status, snapshot, updated_at)
            VALUES (:planId, :version, :status, CAST(:snapshot AS jsonb), :now)
            ON CONFLICT (plan_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                   snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at
            WHERE notifier.plan_state.version < EXCLUDED.version""")
    int saveState(@Bind("planId") UUID planId, @Bind("version") long version, @Bind("status") String status,
                  @Bind("snapshot") String snapshot, @Bind("now") Instant now);

    @SqlQuery("SELECT snapshot::text FROM notifier.plan_state WHERE plan_id = :planId")
    Optional<String> snapshot(@Bind("planId") UUID planId);

    /** The applied snapshots of these plans, in one statement (the dispatcher reads a batch's plans at once). */
    @SqlQuery("SELECT plan_id, snapshot::text AS snapshot FROM notifier.plan_state WHERE plan_id = ANY(:planIds)")
    @KeyColumn("plan_id")
    @ValueColumn("snapshot")
    Map<UUID, String> snapshots(@Bind("planIds") UUID[] planIds);

    // ---- processed events ----------------------------------------------------------------

    /**
     * Claims an event for this transaction: 1 when it was not processed before, 0 when it was (or a
     * transaction that processes it concurrently commits first; this one waits for it on the key).
     */
    @SqlUpdate("""
            INSERT INTO notifier.processed_event (event_id, plan_id, plan_version, outcome, processed_at)
            VALUES (:eventId, :planId, :planVersion, :outcome, :now) ON CONFLICT (event_id) DO NOTHING""")
    int markProcessed(@Bind("eventId") UUID eventId, @Bind("planId") UUID planId,
                      @Bind("planVersion") long planVersion, @Bind("outcome") String outcome, @Bind("now") Instant now);

    @SqlUpdate("UPDATE notifier.processed_event SET outcome = :outcome WHERE event_id = :eventId")
    int setOutcome(@Bind("eventId") UUID eventId, @Bind("outcome") String outcome);

    // ---- dispatch ------------------------------------------------------------------------

    /**
     * Claims up to {@code limit} due reminders for this instance, oldest due first, and returns
     * them in due order (an UPDATE's RETURNING has no order of its own). Rows another dispatcher
     * holds are skipped, not waited for, so several notifier instances share the load.
     */
    @SqlQuery("""
            WITH claimed AS (
                UPDATE notifier.reminder SET status = 'SENDING', claimed_by = :by, claimed_at = :now, updated_at = :now
                WHERE id IN (SELECT id FROM notifier.reminder
                             WHERE status = 'SCHEDULED' AND due_at <= :now
                               AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                             ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING *)
            """ + "SELECT " + COLUMNS + " FROM claimed ORDER BY due_at, id")
    List<ReminderRow> claimDue(@Bind("now") Instant now, @Bind("limit") int limit, @Bind("by") String claimedBy);

    /**
     * Claims that no live dispatcher holds go back to the queue: those of this instance (called between
     * two of its runs, when nothing of it is in flight) and those of instances whose lease is older than
     * {@code staleSeconds} (database time) or that never wrote one.
     */
    @SqlUpdate("""
            UPDATE notifier.reminder SET status = 'SCHEDULED', claimed_by = NULL, claimed_at = NULL, updated_at = :now
            WHERE status = 'SENDING'
              AND (claimed_by IS NULL OR claimed_by = :me
                   OR claimed_by NOT IN (SELECT instance FROM notifier.dispatcher
                                         WHERE seen_at > now() - make_interval(secs => :staleSeconds)))""")
    int releaseAbandonedClaims(@Bind("me") String me, @Bind("staleSeconds") double staleSeconds,
                               @Bind("now") Instant now);

    /** This dispatcher is alive (database time, so clocks of the notifiers' hosts do not matter). */
    @SqlUpdate("""
            INSERT INTO notifier.dispatcher (instance, started_at, seen_at) VALUES (:instance, now(), now())
            ON CONFLICT (instance) DO UPDATE SET seen_at = now()""")
    void renewLease(@Bind("instance") String instance);

    /** Leases of instances gone for longer than {@code seconds}: no claim can refer to them any more. */
    @SqlUpdate("DELETE FROM notifier.dispatcher WHERE seen_at < now() - make_interval(secs => :seconds)")
    int forgetLeases(@Bind("seconds") double seconds);

    /**
     * Records sent reminders in one statement (only those still SENDING): element {@code i} of each array is one
     * reminder, its Message-ID and when the SMTP server accepted it (ISO-8601).
     */
    @SqlUpdate("""
            UPDATE notifier.reminder r SET status = 'SENT', sent_at = s.sent_at, message_id = s.message_id,
                   attempts = r.attempts + 1, last_error = NULL, updated_at = s.sent_at
            FROM unnest(CAST(:ids AS text[]), CAST(:messageIds AS text[]), CAST(:sentAt AS timestamptz[]))
                 AS s(id, message_id, sent_at)
            WHERE r.id = s.id AND r.status = 'SENDING'""")
    int markAllSent(@Bind("ids") String[] ids, @Bind("messageIds") String[] messageIds,
                    @Bind("sentAt") String[] sentAt);

    @SqlUpdate("""
            UPDATE notifier.reminder SET status = :status, last_error = :reason, updated_at = :now
            WHERE id = :id AND status = 'SENDING'""")
    int markClosed(@Bind("id") String id, @Bind("status") String status, @Bind("reason") String reason,
                   @Bind("now") Instant now);

    /** A failed attempt: back to the queue after {@code nextAttemptAt}, or FAILED when out of attempts. */
    @SqlUpdate("""
            UPDATE notifier.reminder
               SET attempts = attempts + 1, last_error = :error, next_attempt_at = :nextAttemptAt, updated_at = :now,
                   status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'FAILED' ELSE 'SCHEDULED' END
            WHERE id = :id AND status = 'SENDING'""")
    int markAttemptFailed(@Bind("id") String id, @Bind("error") String error,
                          @Bind("nextAttemptAt") Instant nextAttemptAt, @Bind("maxAttempts") int maxAttempts,
                          @Bind("now") Instant now);
}
