package dev.wellplan.ops.check;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.wellplan.ops.check.PipelineState.Reminder;
import dev.wellplan.reminders.ReminderPolicy;

/**
 * The operator's consistency check of the whole pipeline (planner → outbox → Kafka → notifier → reminder ledger):
 * read-only JDBC against the shared database, reading both the {@code planner} and the {@code notifier} schema. It
 * reports every divergence from the product's invariants that the database can show; {@code ./wellplan check} runs
 * it ({@link CheckCommand}), and the fault drills end with it. docs/operations.md explains each
 * {@link Divergence.Kind} and what to do.
 *
 * <p>All reads happen in one {@code REPEATABLE READ READ ONLY} transaction, so the report is one consistent snapshot
 * of both schemas, never a mix of before and after a commit. What it checks:
 * <ol>
 * <li><b>Outbox</b> ({@link OutboxCheck}): rows not yet published, and published events the notifier has no record
 * of.</li>
 * <li><b>Applied state</b> ({@link StateComparison}): every planner plan has a notifier state at the same version
 * and status, with the same items.</li>
 * <li><b>Invariants 2 and 3, pending</b> ({@link ScheduleCheck}): the ledger is what the notifier's own
 * {@link ReminderPolicy} asks for the newest applied plan event, and nothing pending is forbidden by its status.</li>
 * <li><b>Invariant 3, sent</b> ({@link SentCheck}): nothing was sent under a status that forbids it.</li>
 * <li><b>Invariant 4, the ledger side</b> ({@link LedgerCheck}): deterministic keys, complete send records, no
 * duplicate Message-ID, no stuck claim.</li>
 * </ol>
 */
public final class ConsistencyCheck {

    /**
     * How to judge.
     *
     * @param clock      "now" for ages and for which plan items lie ahead (pass the services' time when they run with
     *                   an accelerated clock, {@code --speed})
     * @param sendRace   how long after the notifier applied a version the dispatcher may still finish a send it
     *                   started under the previous one (it reads the plan's status when it claims a batch), and how
     *                   long a forbidden claim may stay {@code SENDING} before the dispatcher closes it
     * @param stuckAfter a {@code SENDING} claim older than this is stuck (the dispatcher releases the claims of an
     *                   instance not seen for {@code wellplan.dispatch.stale-claim}, 2 minutes by default)
     * @param policy     the reminder policy as the notifier is configured ({@code wellplan.reminders.*})
     */
    public record Options(Clock clock, Duration sendRace, Duration stuckAfter, ReminderPolicy policy) {

        public static Options defaults() {
            return new Options(Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofMinutes(15),
                    ReminderPolicy.defaults());
        }

        public Options withNow(Instant instant) {
            return new Options(Clock.fixed(instant, ZoneOffset.UTC), sendRace, stuckAfter, policy);
        }

        public Options withSendRace(Duration race) {
            return new Options(clock, race, stuckAfter, policy);
        }

        public Options withPolicy(ReminderPolicy reminderPolicy) {
            return new Options(clock, sendRace, stuckAfter, reminderPolicy);
        }
    }

    private ConsistencyCheck() {
    }

    /** Opens a connection and runs the check once. */
    public static Report run(String jdbcUrl, String user, String password, Options options) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            return run(c, options);
        }
    }

    /**
     * Runs the check until it finds no divergence or {@code wait} has passed (the pipeline is asynchronous: a plan
     * committed a moment ago is not applied yet), and returns the last report.
     */
    public static Report runWaiting(String jdbcUrl, String user, String password, Options options, Duration wait)
            throws SQLException {
        return runWaiting(jdbcUrl, user, password, options, wait, report -> { });
    }

    /** As {@link #runWaiting(String, String, String, Options, Duration)}, telling {@code eachRun} every report. */
    public static Report runWaiting(String jdbcUrl, String user, String password, Options options, Duration wait,
                                    Consumer<Report> eachRun) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            while (true) {
                Report report = run(c, options);
                eachRun.accept(report);
                if (report.ok() || System.nanoTime() >= deadline) {
                    return report;
                }
                try {
                    Thread.sleep(Math.min(1_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return report;
                }
            }
        }
    }

    /** Runs the check once on {@code connection}, in one read-only repeatable-read transaction. */
    public static Report run(Connection connection, Options options) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return check(new PipelineReader(connection).read(), options);
            } finally {
                connection.rollback();
            }
        } finally {
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    static Report check(PipelineState state, Options options) {
        Instant now = options.clock().instant();
        Findings found = new Findings();
        OutboxCheck outbox = new OutboxCheck(now, found);
        outbox.check(state.outbox());
        new StateComparison(found).check(state.plans(), state.applied());
        new ScheduleCheck(options.policy(), now, options.sendRace(), found).check(state.applied(), state.reminders());
        new SentCheck(options.sendRace(), found).check(state.applied(), state.reminders(), state.timelines());
        new LedgerCheck(now, options.stuckAfter(), found).check(state.reminders(), state.reminderIdUnique());
        return new Report(now, counts(state), state.outbox().pending(), outbox.oldestPendingAge(state.outbox()),
                found.all());
    }

    private static Map<String, Long> counts(PipelineState state) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("outboxEvents", state.outbox().events());
        counts.put("outboxPending", state.outbox().pending());
        counts.put("plans", (long) state.plans().size());
        counts.put("appliedPlans", (long) state.applied().size());
        counts.put("reminders", (long) state.reminders().size());
        Map<String, Long> byStatus = new TreeMap<>();
        for (Reminder r : state.reminders()) {
            byStatus.merge(r.status(), 1L, Long::sum);
        }
        byStatus.forEach((status, n) -> counts.put("reminders" + status, n));
        return counts;
    }
}
