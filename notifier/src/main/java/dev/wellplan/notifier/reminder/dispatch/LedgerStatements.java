package dev.wellplan.notifier.reminder.dispatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

import dev.wellplan.notifier.reminder.schedule.ReminderRow;

/**
 * The dispatcher's SQL on the reminder ledger, the applied plans and the leases, through JDBI's fluent API: these run
 * hundreds of times a second at full speed, and a SQL object method call costs JDBI far more work per call (an
 * extension handler made and warmed each time) than the statement itself.
 */
@ApplicationScoped
public class LedgerStatements {

    private static final String COLUMNS = """
            id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version, status, attempts,
            sent_at, message_id, last_error""";
    private static final RowMapper<ReminderRow> ROWS = ConstructorMapper.of(ReminderRow.class);

    private final Jdbi jdbi;

    public LedgerStatements(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Claims up to {@code limit} due reminders for this instance, oldest due first, and returns them in due order (an
     * UPDATE's RETURNING has no order of its own). Rows another dispatcher holds are skipped, not waited for, so
     * several notifier instances share the load.
     */
    List<ReminderRow> claimDue(Instant now, int limit, String claimedBy) {
        return jdbi.withHandle(h -> h.createQuery(CLAIM)
                .bind("now", now).bind("limit", limit).bind("by", claimedBy).map(ROWS).list());
    }

    /**
     * The claim. The ids come as an array ({@code = ANY(ARRAY(...))}), not as {@code IN (SELECT ...)}: once the
     * statement is prepared, PostgreSQL may plan it once for any {@code :limit}, and for the {@code IN} form that
     * generic plan hashed the claimed ids against a scan of the whole table (57 ms at 184,000 reminders, against 0.2
     * ms), so it planned every execution afresh instead; the array form looks each id up in the primary key whatever
     * the limit.
     */
    static final String CLAIM = """
            WITH claimed AS (
                UPDATE notifier.reminder SET status = 'SENDING', claimed_by = :by, claimed_at = :now,
                       updated_at = :now
                WHERE id = ANY(ARRAY(SELECT id FROM notifier.reminder
                                     WHERE status = 'SCHEDULED' AND due_at <= :now
                                       AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
                                     ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED))
                RETURNING *)
            """ + "SELECT " + COLUMNS + " FROM claimed ORDER BY due_at, id";

    /** The applied snapshots of these plans, in one statement (the dispatcher reads a batch's plans at once). */
    Map<UUID, String> snapshots(UUID[] planIds) {
        return jdbi.withHandle(h -> {
            Map<UUID, String> snapshots = new HashMap<>();
            h.createQuery("SELECT plan_id, snapshot::text FROM notifier.plan_state WHERE plan_id = ANY(:planIds)")
                    .bindArray("planIds", UUID.class, (Object[]) planIds)
                    .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                    .forEach(e -> snapshots.put(e.getKey(), e.getValue()));
            return snapshots;
        });
    }

    /**
     * Records sent reminders in one statement (only those still SENDING): element {@code i} of each array is one
     * reminder, its Message-ID and when the SMTP server accepted it (ISO-8601).
     */
    int markAllSent(String[] ids, String[] messageIds, String[] sentAt) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE notifier.reminder r SET status = 'SENT', sent_at = s.sent_at, message_id = s.message_id,
                               attempts = r.attempts + 1, last_error = NULL, updated_at = s.sent_at
                        FROM unnest(CAST(:ids AS text[]), CAST(:messageIds AS text[]), CAST(:sentAt AS timestamptz[]))
                             AS s(id, message_id, sent_at)
                        WHERE r.id = s.id AND r.status = 'SENDING'""")
                .bindArray("ids", String.class, (Object[]) ids)
                .bindArray("messageIds", String.class, (Object[]) messageIds)
                .bindArray("sentAt", String.class, (Object[]) sentAt).execute());
    }

    int markClosed(String id, String status, String reason, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE notifier.reminder SET status = :status, last_error = :reason, updated_at = :now
                        WHERE id = :id AND status = 'SENDING'""")
                .bind("id", id).bind("status", status).bind("reason", reason).bind("now", now).execute());
    }

    /** A failed attempt: back to the queue after {@code nextAttemptAt}, or FAILED when out of attempts. */
    int markAttemptFailed(String id, String error, Instant nextAttemptAt, int maxAttempts, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE notifier.reminder
                           SET attempts = attempts + 1, last_error = :error, next_attempt_at = :nextAttemptAt,
                               updated_at = :now,
                               status = CASE WHEN attempts + 1 >= :maxAttempts THEN 'FAILED' ELSE 'SCHEDULED' END
                        WHERE id = :id AND status = 'SENDING'""")
                .bind("id", id).bind("error", error).bind("nextAttemptAt", nextAttemptAt)
                .bind("maxAttempts", maxAttempts).bind("now", now).execute());
    }

    /**
     * Claims that no live dispatcher holds go back to the queue: those of this instance (called between two of its
     * runs, when nothing of it is in flight) and those of instances whose lease is older than {@code staleSeconds}
     * (database time) or that never wrote one.
     */
    int releaseAbandonedClaims(String me, double staleSeconds, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE notifier.reminder SET status = 'SCHEDULED', claimed_by = NULL, claimed_at = NULL,
                               updated_at = :now
                        WHERE status = 'SENDING'
                          AND (claimed_by IS NULL OR claimed_by = :me
                               OR claimed_by NOT IN (SELECT instance FROM notifier.dispatcher
                                                     WHERE seen_at > now() - make_interval(secs => :staleSeconds)))""")
                .bind("me", me).bind("staleSeconds", staleSeconds).bind("now", now).execute());
    }

    /** This dispatcher is alive (database time, so clocks of the notifiers' hosts do not matter). */
    void renewLease(String instance) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO notifier.dispatcher (instance, started_at, seen_at) VALUES (:instance, now(), now())
                        ON CONFLICT (instance) DO UPDATE SET seen_at = now()""")
                .bind("instance", instance).execute());
    }

    /** Leases of instances gone for longer than {@code seconds}: no claim can refer to them any more. */
    int forgetLeases(double seconds) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM notifier.dispatcher WHERE seen_at < now() - make_interval(secs => :seconds)")
                .bind("seconds", seconds).execute());
    }
}
