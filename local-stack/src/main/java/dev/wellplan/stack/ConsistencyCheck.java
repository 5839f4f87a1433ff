package dev.wellplan.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operator's consistency check of the whole pipeline (planner → outbox → Kafka → notifier → reminder ledger):
 * read-only JDBC against the shared database, reading both the {@code planner} and the {@code notifier} schema. It
 * reports every divergence from the product's invariants that the database can show; {@code ./wellplan check} runs
 * it ({@link #main}), and the fault drills end with it. docs/operations.md explains each {@link Kind} and what to do.
 *
 * <p>All reads happen in one {@code REPEATABLE READ READ ONLY} transaction, so the report is one consistent snapshot
 * of both schemas, never a mix of before and after a commit. What it checks:
 * <ol>
 * <li><b>Outbox.</b> Rows not yet published ({@link Kind#OUTBOX_PENDING}, with the oldest one's age), and published
 * events the notifier has no record of ({@link Kind#PUBLISHED_NOT_CONSUMED}).</li>
 * <li><b>Applied state.</b> Every {@code planner.plan} has a {@code notifier.plan_state} at the same version and
 * status, whose snapshot has the same items (id, kind, local start) as the planner's plan body.</li>
 * <li><b>Invariant 3.</b> No reminder is pending ({@code SCHEDULED}, or {@code SENDING} for longer than the send
 * race window) for a plan whose applied status forbids it; no reminder was {@code SENT} while the notifier had
 * already applied, for longer than the send race window, a version whose status forbids it (see
 * {@link #allowed(String, String)} and {@link Options#sendRace}).</li>
 * <li><b>Invariant 2.</b> Every pending reminder is one the newest applied snapshot asks for (its item is still in
 * the plan with a matching kind; a "plan changed" notice is the newest version's), and every item of an
 * {@code ACTIVE} plan that starts in the future has its reminder, pending or done, not cancelled by a
 * reconcile.</li>
 * <li><b>Invariant 4 (ledger side).</b> Reminder ids are the deterministic key {@code plan:subject:kind} (so a
 * reminder can only exist once), every {@code SENT} row has a {@code message_id} and a {@code sent_at}, no two rows
 * share a message id, and no claim is stuck in {@code SENDING}. Inboxes cannot be read from here; the drills check
 * them through the mail server's API.</li>
 * </ol>
 */
public final class ConsistencyCheck {

    /** What kind of divergence; the names are stable (the JSON output and the operations page use them). */
    public enum Kind {
        OUTBOX_PENDING("outbox rows not published to Kafka yet"),
        PUBLISHED_NOT_CONSUMED("events published to Kafka that the notifier has no record of"),
        PLAN_STATE_MISSING("plans the notifier has never applied"),
        PLAN_STATE_BEHIND("plans the notifier has applied at an older version than the planner holds"),
        PLAN_STATE_AHEAD("plans the notifier has applied at a newer version than the planner holds"),
        PLAN_STATE_STATUS_MISMATCH("plans whose applied status differs from the planner's at the same version"),
        SNAPSHOT_MISMATCH("plans whose applied snapshot has other items than the planner's plan at the same version"),
        PLAN_STATE_ORPHAN("applied plan states with no plan in the planner"),
        REMINDER_WITHOUT_PLAN_STATE("reminders of a plan the notifier holds no state for"),
        FORBIDDEN_PENDING("pending reminders that the plan's applied status forbids (invariant 3)"),
        SENT_WHILE_FORBIDDEN("reminders sent after the notifier had applied a status that forbids them (invariant 3)"),
        REMINDER_NOT_IN_PLAN("pending reminders the newest applied plan version does not ask for (invariant 2)"),
        REMINDER_MISSING("future items of an active plan without a live reminder (invariant 2)"),
        REMINDER_KEY_INVALID("reminder ids that are not the deterministic key plan:subject:kind"),
        SENT_WITHOUT_MESSAGE_ID("SENT reminders without a message id or sent time"),
        DUPLICATE_MESSAGE_ID("message ids recorded for more than one reminder"),
        SENDING_STUCK("reminders claimed for sending long ago and never finished");

        private final String meaning;

        Kind(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** One divergence. {@code planId} and {@code reminderId} may be null; {@code detail} never holds personal data. */
    public record Divergence(Kind kind, UUID planId, String reminderId, String detail) {
        public Divergence {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(kind.name());
            if (planId != null) {
                s.append(" plan ").append(planId);
            }
            if (reminderId != null) {
                s.append(" reminder ").append(reminderId);
            }
            if (detail != null) {
                s.append(": ").append(detail);
            }
            return s.toString();
        }
    }

    /**
     * How to judge.
     *
     * @param now        "now" for ages and for which plan items lie in the future (default: this machine's clock;
     *                   pass the services' time when they run with an accelerated clock, {@code --speed})
     * @param sendRace   how long after the notifier applied a version the dispatcher may still finish a send it
     *                   started under the previous one (it reads the plan's status when it claims a batch), and how
     *                   long a forbidden claim may stay {@code SENDING} before the dispatcher closes it
     * @param stuckAfter a {@code SENDING} claim older than this is stuck (the dispatcher releases the claims of an
     *                   instance not seen for {@code wellplan.dispatch.stale-claim}, 2 minutes by default)
     */
    public record Options(Instant now, Duration sendRace, Duration stuckAfter) {
        public static Options defaults() {
            return new Options(null, Duration.ofSeconds(30), Duration.ofMinutes(15));
        }

        public Options withNow(Instant instant) {
            return new Options(instant, sendRace, stuckAfter);
        }

        Instant nowOrClock() {
            return now != null ? now : Instant.now();
        }
    }

    /** The result: counts, the outbox backlog and every divergence found. */
    public record Report(Instant checkedAt, Map<String, Long> counts, long outboxPending, Duration oldestPendingAge,
                         List<Divergence> divergences) {

        public Report {
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            divergences = List.copyOf(divergences);
        }

        public boolean ok() {
            return divergences.isEmpty();
        }

        public List<Divergence> of(Kind kind) {
            return divergences.stream().filter(d -> d.kind() == kind).toList();
        }

        public Map<Kind, Integer> byKind() {
            Map<Kind, Integer> n = new EnumMap<>(Kind.class);
            for (Divergence d : divergences) {
                n.merge(d.kind(), 1, Integer::sum);
            }
            return n;
        }

        /** A human summary; lists at most {@code limit} divergences of each kind. */
        public String toText(int limit) {
            StringBuilder s = new StringBuilder();
            s.append("wellplan consistency check at ").append(checkedAt).append('\n');
            s.append("  ");
            counts.forEach((k, v) -> s.append(k).append(' ').append(v).append(", "));
            s.setLength(s.length() - 2);
            s.append('\n');
            if (outboxPending > 0) {
                s.append(String.format(Locale.ROOT, "  outbox: %d unpublished, oldest %s old%n", outboxPending,
                        human(oldestPendingAge)));
            }
            if (ok()) {
                s.append("OK: no divergence\n");
                return s.toString();
            }
            s.append(divergences.size()).append(divergences.size() == 1 ? " divergence" : " divergences").append('\n');
            byKind().forEach((kind, n) -> {
                s.append(String.format(Locale.ROOT, "  %s (%d): %s%n", kind, n, kind.meaning()));
                of(kind).stream().limit(limit).forEach(d -> {
                    s.append("    ");
                    if (d.planId() != null) {
                        s.append("plan ").append(d.planId()).append(' ');
                    }
                    if (d.reminderId() != null) {
                        s.append("reminder ").append(d.reminderId()).append(' ');
                    }
                    if (d.detail() != null) {
                        s.append("- ").append(d.detail());
                    }
                    s.append('\n');
                });
                if (n > limit) {
                    s.append("    ... and ").append(n - limit).append(" more\n");
                }
            });
            s.append("See docs/operations.md for what each divergence means and what to do.\n");
            return s.toString();
        }

        /** The report as JSON: {@code ok}, {@code checkedAt}, {@code counts}, {@code outbox}, {@code summary}, {@code divergences}. */
        public String toJson(int limit) {
            ObjectNode root = JSON.createObjectNode();
            root.put("ok", ok());
            root.put("checkedAt", checkedAt.toString());
            ObjectNode c = root.putObject("counts");
            counts.forEach(c::put);
            ObjectNode outbox = root.putObject("outbox");
            outbox.put("pending", outboxPending);
            if (oldestPendingAge == null) {
                outbox.putNull("oldestPendingAgeSeconds");
            } else {
                outbox.put("oldestPendingAgeSeconds", oldestPendingAge.toMillis() / 1000.0);
            }
            ObjectNode summary = root.putObject("summary");
            byKind().forEach((kind, n) -> summary.put(kind.name(), n));
            ArrayNode list = root.putArray("divergences");
            Map<Kind, Integer> listed = new EnumMap<>(Kind.class);
            for (Divergence d : divergences) {
                if (listed.merge(d.kind(), 1, Integer::sum) > limit) {
                    continue;
                }
                ObjectNode n = list.addObject();
                n.put("kind", d.kind().name());
                n.put("planId", d.planId() == null ? null : d.planId().toString());
                n.put("reminderId", d.reminderId());
                n.put("detail", d.detail());
            }
            root.put("truncated", list.size() < divergences.size());
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION_SUBJECT = Pattern.compile("v(\\d+)");
    /** Which reminder each item kind asks for (the notifier's ReminderPolicy; CLEARANCE only while awaiting it). */
    private static final Map<String, String> REMINDER_OF_ITEM = Map.of(
            "MASSAGE", "MASSAGE_DAY_BEFORE",
            "AFTERCARE", "AFTERCARE",
            "CHECK_IN", "CHECK_IN",
            "STRENGTH", "STRENGTH_DAY",
            "SELF_MASSAGE", "SELF_MASSAGE",
            "REVIEW", "END_OF_PLAN",
            "CLEARANCE", "AWAITING_CLEARANCE");

    private ConsistencyCheck() {
    }

    /**
     * Whether a reminder of {@code kind} may go out while the plan is {@code status} (invariant 3): welcome and
     * "plan changed" always; "see a doctor first" only while {@code AWAITING_CLEARANCE}; the cancellation notice only
     * when {@code CANCELLED}; every item reminder (massage, aftercare, check-in, strength, self-massage, end of plan,
     * and any kind added later) only while {@code ACTIVE} — so a massage reminder never while awaiting clearance.
     */
    public static boolean allowed(String kind, String status) {
        return switch (kind) {
            case "WELCOME", "PLAN_CHANGED" -> true;
            case "AWAITING_CLEARANCE" -> "AWAITING_CLEARANCE".equals(status);
            case "PLAN_CANCELLED" -> "CANCELLED".equals(status);
            default -> "ACTIVE".equals(status);
        };
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
        long deadline = System.nanoTime() + wait.toNanos();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            while (true) {
                Report report = run(c, options);
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
                return new Run(connection, options).check();
            } finally {
                connection.rollback();
            }
        } finally {
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    // ---------------------------------------------------------------- the check

    private record PlannerPlan(UUID id, long version, String status, Map<String, Item> items) {
    }

    private record AppliedPlan(UUID id, long version, String status, Instant updatedAt, ZoneId zone,
                               Map<String, Item> items) {
    }

    private record Item(String id, String kind, LocalDateTime start) {
    }

    private record Reminder(String id, UUID planId, String itemId, String kind, String status, long planVersion,
                            Instant dueAt, Instant sentAt, String messageId, Instant claimedAt, String lastError) {
    }

    /** One version the notifier applied, when, and the status it had (from the planner's revisions). */
    private record Applied(long version, Instant at, String status) {
    }

    private static final class Run {
        private final Connection c;
        private final Options options;
        private final Instant now;
        private final List<Divergence> found = new ArrayList<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        Run(Connection c, Options options) {
            this.c = c;
            this.options = options;
            this.now = options.nowOrClock();
        }

        Report check() throws SQLException {
            requireSchemas();
            long[] outbox = outbox();
            Map<UUID, PlannerPlan> plans = plannerPlans();
            Map<UUID, AppliedPlan> applied = appliedPlans();
            List<Reminder> reminders = reminders();
            counts.put("plans", (long) plans.size());
            counts.put("appliedPlans", (long) applied.size());
            counts.put("reminders", (long) reminders.size());
            Map<String, Long> byStatus = new TreeMap<>();
            reminders.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
            byStatus.forEach((status, n) -> counts.put("reminders" + status, n));

            compareStates(plans, applied);
            checkReminders(applied, reminders);
            checkSent(applied, reminders);
            checkLedger(reminders);
            Duration oldest = outbox[1] < 0 ? null : Duration.ofMillis(Math.max(0, now.toEpochMilli() - outbox[1]));
            return new Report(now, counts, outbox[0], oldest, found);
        }

        private void add(Kind kind, UUID planId, String reminderId, String detail) {
            found.add(new Divergence(kind, planId, reminderId, detail));
        }

        private void requireSchemas() throws SQLException {
            List<String> missing = new ArrayList<>();
            for (String table : List.of("planner.plan", "planner.plan_revision", "planner.outbox",
                    "notifier.plan_state", "notifier.processed_event", "notifier.reminder")) {
                try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                    s.setString(1, table);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            missing.add(table);
                        }
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new SQLException("not a wellplan database (or not migrated yet): missing " + missing);
            }
        }

        /** [pending count, oldest pending created_at in epoch millis or -1]; adds the outbox divergences. */
        private long[] outbox() throws SQLException {
            long pending;
            long oldest = -1;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*), min(created_at) FROM planner.outbox WHERE published_at IS NULL")) {
                rs.next();
                pending = rs.getLong(1);
                Timestamp t = rs.getTimestamp(2);
                if (t != null) {
                    oldest = t.toInstant().toEpochMilli();
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM planner.outbox")) {
                rs.next();
                counts.put("outboxEvents", rs.getLong(1));
            }
            counts.put("outboxPending", pending);
            if (pending > 0) {
                String age = human(Duration.ofMillis(Math.max(0, now.toEpochMilli() - oldest)));
                add(Kind.OUTBOX_PENDING, null, null, pending + " unpublished, the oldest " + age + " old");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                        SELECT aggregate_id, event_type, created_at FROM planner.outbox
                        WHERE published_at IS NULL ORDER BY seq LIMIT 1000""")) {
                    while (rs.next()) {
                        add(Kind.OUTBOX_PENDING, rs.getObject(1, UUID.class), null, rs.getString(2) + " written "
                                + human(Duration.between(rs.getTimestamp(3).toInstant(), now)) + " ago, unpublished");
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT o.id, o.aggregate_id, o.event_type, o.published_at FROM planner.outbox o
                    WHERE o.published_at IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM notifier.processed_event p WHERE p.event_id = o.id)
                    ORDER BY o.seq""")) {
                while (rs.next()) {
                    add(Kind.PUBLISHED_NOT_CONSUMED, rs.getObject(2, UUID.class), null, rs.getString(3) + " event "
                            + rs.getObject(1) + " published " + human(Duration.between(rs.getTimestamp(4).toInstant(),
                            now)) + " ago, not processed by the notifier");
                }
            }
            return new long[] {pending, oldest};
        }

        private Map<UUID, PlannerPlan> plannerPlans() throws SQLException {
            Map<UUID, PlannerPlan> plans = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, version, status, body::text FROM planner.plan")) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    plans.put(id, new PlannerPlan(id, rs.getLong(2), rs.getString(3), items(read(rs.getString(4)))));
                }
            }
            return plans;
        }

        private Map<UUID, AppliedPlan> appliedPlans() throws SQLException {
            Map<UUID, AppliedPlan> applied = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT plan_id, version, status, snapshot::text, updated_at FROM notifier.plan_state")) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    JsonNode plan = read(rs.getString(4)).path("plan");
                    ZoneId zone;
                    try {
                        zone = ZoneId.of(plan.path("timeZone").asText("UTC"));
                    } catch (DateTimeException e) {
                        zone = ZoneId.of("UTC");
                    }
                    applied.put(id, new AppliedPlan(id, rs.getLong(2), rs.getString(3),
                            rs.getTimestamp(5).toInstant(), zone, items(plan)));
                }
            }
            return applied;
        }

        private List<Reminder> reminders() throws SQLException {
            List<Reminder> list = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT id, plan_id, item_id, kind, status, plan_version, due_at, sent_at, message_id, claimed_at,
                           last_error
                    FROM notifier.reminder ORDER BY plan_id, id""")) {
                while (rs.next()) {
                    list.add(new Reminder(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6), instant(rs.getTimestamp(7)),
                            instant(rs.getTimestamp(8)), rs.getString(9), instant(rs.getTimestamp(10)),
                            rs.getString(11)));
                }
            }
            return list;
        }

        // ---- 2. applied state equals the planner's plan

        private void compareStates(Map<UUID, PlannerPlan> plans, Map<UUID, AppliedPlan> applied) {
            for (PlannerPlan p : plans.values()) {
                AppliedPlan a = applied.get(p.id());
                if (a == null) {
                    add(Kind.PLAN_STATE_MISSING, p.id(), null, "planner v" + p.version() + " " + p.status()
                            + ", nothing applied");
                } else if (a.version() < p.version()) {
                    add(Kind.PLAN_STATE_BEHIND, p.id(), null, "planner v" + p.version() + " " + p.status()
                            + ", notifier v" + a.version() + " " + a.status());
                } else if (a.version() > p.version()) {
                    add(Kind.PLAN_STATE_AHEAD, p.id(), null, "planner v" + p.version() + " " + p.status()
                            + ", notifier v" + a.version() + " " + a.status());
                } else if (!p.status().equals(a.status())) {
                    add(Kind.PLAN_STATE_STATUS_MISMATCH, p.id(), null, "v" + p.version() + ": planner " + p.status()
                            + ", notifier " + a.status());
                } else if (!p.items().equals(a.items())) {
                    Set<String> onlyPlanner = new HashSet<>(p.items().keySet());
                    onlyPlanner.removeAll(a.items().keySet());
                    Set<String> onlyNotifier = new HashSet<>(a.items().keySet());
                    onlyNotifier.removeAll(p.items().keySet());
                    add(Kind.SNAPSHOT_MISMATCH, p.id(), null, "v" + p.version() + ": " + p.items().size()
                            + " items in the planner, " + a.items().size() + " applied; only in the planner "
                            + sample(onlyPlanner) + ", only applied " + sample(onlyNotifier)
                            + (onlyPlanner.isEmpty() && onlyNotifier.isEmpty() ? " (kinds or start times differ)" : ""));
                }
            }
            for (AppliedPlan a : applied.values()) {
                if (!plans.containsKey(a.id())) {
                    add(Kind.PLAN_STATE_ORPHAN, a.id(), null, "notifier v" + a.version() + " " + a.status()
                            + ", no such plan in the planner");
                }
            }
        }

        // ---- 3 and 4. pending reminders are allowed and wanted; future items have theirs

        private void checkReminders(Map<UUID, AppliedPlan> applied, List<Reminder> reminders) {
            Map<String, Reminder> byId = new HashMap<>();
            for (Reminder r : reminders) {
                byId.put(r.id(), r);
                boolean pending = "SCHEDULED".equals(r.status()) || "SENDING".equals(r.status());
                if (!pending) {
                    continue;
                }
                AppliedPlan plan = applied.get(r.planId());
                if (plan == null) {
                    add(Kind.REMINDER_WITHOUT_PLAN_STATE, r.planId(), r.id(), r.status() + " " + r.kind());
                    continue;
                }
                boolean settled = "SCHEDULED".equals(r.status()) || r.claimedAt() == null
                        || r.claimedAt().isBefore(now.minus(options.sendRace()));
                if (!allowed(r.kind(), plan.status())) {
                    if (settled) {
                        add(Kind.FORBIDDEN_PENDING, r.planId(), r.id(), r.status() + " " + r.kind()
                                + " while the applied v" + plan.version() + " is " + plan.status());
                    }
                    continue;
                }
                String wanted = wanted(r, plan);
                if (wanted != null) {
                    add(Kind.REMINDER_NOT_IN_PLAN, r.planId(), r.id(), r.status() + " " + r.kind() + ": " + wanted);
                }
            }
            for (AppliedPlan plan : applied.values()) {
                if (!"ACTIVE".equals(plan.status())) {
                    continue;
                }
                for (Item item : plan.items().values()) {
                    String kind = REMINDER_OF_ITEM.get(item.kind());
                    if (kind == null || "AWAITING_CLEARANCE".equals(kind) || item.start() == null
                            || !ZonedDateTime.ofLocal(item.start(), plan.zone(), null).toInstant().isAfter(now)) {
                        continue;
                    }
                    String key = plan.id() + ":" + item.id() + ":" + kind.toLowerCase(Locale.ROOT);
                    Reminder r = byId.get(key);
                    if (r == null) {
                        add(Kind.REMINDER_MISSING, plan.id(), key, item.kind() + " item " + item.id() + " at "
                                + item.start() + " has no " + kind + " reminder (applied v" + plan.version() + ")");
                    } else if ("CANCELLED".equals(r.status()) && !"unsubscribed".equals(r.lastError())) {
                        add(Kind.REMINDER_MISSING, plan.id(), key, item.kind() + " item " + item.id() + " at "
                                + item.start() + ": its reminder is CANCELLED (v" + r.planVersion()
                                + (r.lastError() == null ? "" : ", " + r.lastError()) + ") although the applied v"
                                + plan.version() + " is ACTIVE");
                    }
                }
            }
        }

        /** Null when the newest applied snapshot asks for this pending reminder, else why not. */
        private static String wanted(Reminder r, AppliedPlan plan) {
            String subject = subject(r);
            switch (r.kind()) {
                case "WELCOME", "PLAN_CANCELLED" -> {
                    return null;
                }
                case "PLAN_CHANGED" -> {
                    var m = subject == null ? null : VERSION_SUBJECT.matcher(subject);
                    if (m != null && m.matches() && Long.parseLong(m.group(1)) == plan.version()) {
                        return null;
                    }
                    return "a notice of " + subject + ", but the applied version is v" + plan.version();
                }
                default -> {
                    if (r.itemId() == null) {
                        return "no item";
                    }
                    Item item = plan.items().get(r.itemId());
                    if (item == null) {
                        return "item " + r.itemId() + " is not in the applied v" + plan.version();
                    }
                    String expected = REMINDER_OF_ITEM.get(item.kind());
                    if (!r.kind().equals(expected)) {
                        return "item " + r.itemId() + " is a " + item.kind() + " in the applied v" + plan.version();
                    }
                    return null;
                }
            }
        }

        // ---- 3. nothing sent while forbidden

        private void checkSent(Map<UUID, AppliedPlan> applied, List<Reminder> reminders) throws SQLException {
            Map<UUID, List<Applied>> timelines = timelines();
            for (Reminder r : reminders) {
                boolean alwaysAllowed = "WELCOME".equals(r.kind()) || "PLAN_CHANGED".equals(r.kind());
                if (!"SENT".equals(r.status()) || r.sentAt() == null || alwaysAllowed) {
                    continue;
                }
                List<Applied> timeline = timelines.get(r.planId());
                if (timeline == null || timeline.isEmpty()) {
                    AppliedPlan plan = applied.get(r.planId());
                    if (plan == null) {
                        continue; // reported as REMINDER_WITHOUT_PLAN_STATE when pending; nothing to judge by
                    }
                    timeline = List.of(new Applied(plan.version(), plan.updatedAt(), plan.status()));
                }
                // the version in force when it was sent, and the one before it
                Applied inForce = null;
                Applied before = null;
                for (Applied a : timeline) {
                    if (a.at().isAfter(r.sentAt())) {
                        break;
                    }
                    before = inForce;
                    inForce = a;
                }
                if (inForce == null || inForce.status() == null || allowed(r.kind(), inForce.status())) {
                    continue;
                }
                boolean race = inForce.at().isAfter(r.sentAt().minus(options.sendRace())) && before != null
                        && before.status() != null && allowed(r.kind(), before.status());
                if (!race) {
                    add(Kind.SENT_WHILE_FORBIDDEN, r.planId(), r.id(), r.kind() + " sent at " + r.sentAt()
                            + ", " + human(Duration.between(inForce.at(), r.sentAt())) + " after the notifier applied v"
                            + inForce.version() + " " + inForce.status());
                }
            }
        }

        /** Per plan with sent item reminders: the versions the notifier applied, in order, with their status. */
        private Map<UUID, List<Applied>> timelines() throws SQLException {
            Map<UUID, List<Applied>> timelines = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT e.plan_id, e.plan_version, e.processed_at, coalesce(r.status, st.status)
                    FROM notifier.processed_event e
                    LEFT JOIN planner.plan_revision r ON r.plan_id = e.plan_id AND r.version = e.plan_version
                    LEFT JOIN notifier.plan_state st ON st.plan_id = e.plan_id AND st.version = e.plan_version
                    WHERE e.outcome = 'APPLIED'
                      AND e.plan_id IN (SELECT DISTINCT plan_id FROM notifier.reminder
                                        WHERE status = 'SENT' AND kind NOT IN ('WELCOME', 'PLAN_CHANGED'))
                    ORDER BY e.plan_id, e.processed_at, e.plan_version""")) {
                while (rs.next()) {
                    timelines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(
                            new Applied(rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
            return timelines;
        }

        // ---- 5. the ledger: deterministic keys, sent rows complete, no stuck claims

        private void checkLedger(List<Reminder> reminders) throws SQLException {
            Map<String, List<String>> byMessageId = new HashMap<>();
            for (Reminder r : reminders) {
                String subject = subject(r);
                String expected = subject == null ? null
                        : r.planId() + ":" + subject + ":" + r.kind().toLowerCase(Locale.ROOT);
                boolean subjectOk = r.itemId() != null || "plan".equals(subject)
                        || subject != null && VERSION_SUBJECT.matcher(subject).matches();
                if (expected == null || !expected.equals(r.id()) || !subjectOk) {
                    add(Kind.REMINDER_KEY_INVALID, r.planId(), r.id(), r.kind() + " (item " + r.itemId()
                            + ") should be " + (r.itemId() != null ? r.planId() + ":" + r.itemId() + ":"
                            + r.kind().toLowerCase(Locale.ROOT) : r.planId() + ":plan|v<n>:"
                            + r.kind().toLowerCase(Locale.ROOT)));
                }
                if ("SENT".equals(r.status()) && (r.messageId() == null || r.messageId().isBlank()
                        || r.sentAt() == null)) {
                    add(Kind.SENT_WITHOUT_MESSAGE_ID, r.planId(), r.id(), "SENT " + r.kind() + " with message id "
                            + r.messageId() + ", sent at " + r.sentAt());
                }
                if (r.messageId() != null && !r.messageId().isBlank()) {
                    byMessageId.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r.id());
                }
                if ("SENDING".equals(r.status()) && r.claimedAt() != null
                        && r.claimedAt().isBefore(now.minus(options.stuckAfter()))) {
                    add(Kind.SENDING_STUCK, r.planId(), r.id(), r.kind() + " claimed "
                            + human(Duration.between(r.claimedAt(), now)) + " ago");
                }
            }
            byMessageId.forEach((messageId, ids) -> {
                if (ids.size() > 1) {
                    add(Kind.DUPLICATE_MESSAGE_ID, null, ids.get(0), "message id shared by " + ids);
                }
            });
            // the primary key makes each id unique; make sure it is still there
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
                         AND a.attnum = ANY (i.indkey)
                    WHERE i.indrelid = 'notifier.reminder'::regclass AND i.indisunique AND a.attname = 'id'
                      AND i.indnatts = 1""")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    add(Kind.REMINDER_KEY_INVALID, null, null, "notifier.reminder.id has no unique index");
                }
            }
        }

        /** The middle part of a deterministic key {@code plan:subject:kind}, or null when the id is not one. */
        private static String subject(Reminder r) {
            String prefix = r.planId() + ":";
            String suffix = ":" + r.kind().toLowerCase(Locale.ROOT);
            if (!r.id().startsWith(prefix) || !r.id().endsWith(suffix)
                    || r.id().length() <= prefix.length() + suffix.length()) {
                return null;
            }
            String subject = r.id().substring(prefix.length(), r.id().length() - suffix.length());
            return r.itemId() != null && !r.itemId().equals(subject) ? null : subject;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON document in the database: " + e.getMessage(), e);
        }
    }

    /** The items of a plan document (the rules' plan body, or an event snapshot's plan), by id. */
    private static Map<String, Item> items(JsonNode plan) {
        Map<String, Item> items = new TreeMap<>();
        for (JsonNode item : plan.path("items")) {
            String id = item.path("id").asText(null);
            if (id == null) {
                continue;
            }
            LocalDateTime start = null;
            JsonNode s = item.path("start");
            try {
                if (s.isTextual()) {
                    start = LocalDateTime.parse(s.asText());
                } else if (s.isArray() && s.size() >= 5) { // a date-time written as numbers
                    start = LocalDateTime.of(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt(),
                            s.get(4).asInt(), s.size() > 5 ? s.get(5).asInt() : 0);
                }
            } catch (DateTimeException e) {
                start = null;
            }
            items.put(id, new Item(id, item.path("kind").asText(null), start));
        }
        return items;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String sample(Set<String> ids) {
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(ids));
        return sorted.size() <= 5 ? sorted.toString() : sorted.subList(0, 5) + " (+" + (sorted.size() - 5) + ")";
    }

    static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7_200) {
            return (s / 60) + " min";
        }
        if (s < 172_800) {
            return (s / 3_600) + " h";
        }
        return (s / 86_400) + " d";
    }

    // ---------------------------------------------------------------- command line

    static final String USAGE = String.join("\n",
            "usage: wellplan check [options]   compare the planner's plans, the outbox, the notifier's applied plans",
            "                                  and its reminder ledger; exit 0 when consistent, 1 on divergences",
            "",
            "options:",
            "  --jdbc-url URL      the shared database (default jdbc:postgresql://localhost:5432/wellplan)",
            "  --user U            default postgres",
            "  --password P        default postgres (or the environment variable WELLPLAN_DB_PASSWORD)",
            "  --wait SECONDS      re-check until consistent or SECONDS have passed (the pipeline is asynchronous:",
            "                      a plan committed a moment ago is not applied yet); default 0",
            "  --json              print the report as JSON",
            "  --now INSTANT       judge as of this instant (ISO-8601), e.g. the services' time under --speed",
            "  --send-race SECONDS how long a send started before a plan change may still finish (default 30)",
            "  --limit N           list at most N divergences of each kind (default 20; counts are always complete)",
            "",
            "Exit status: 0 no divergence, 1 divergences, 2 bad usage or the database cannot be read.",
            "What each divergence means and what to do: docs/operations.md.");

    /** {@code [--jdbc-url URL] [--user U] [--password P] [--wait S] [--json] [--now I] [--send-race S] [--limit N]}. */
    public static void main(String[] args) {
        System.exit(main(args, System.out, System.err));
    }

    static int main(String[] args, PrintStream out, PrintStream err) {
        String url = "jdbc:postgresql://localhost:" + LocalStack.DEFAULT_PG_PORT + "/" + PostgresServer.DATABASE;
        String user = PostgresServer.USER;
        String password = System.getenv().getOrDefault("WELLPLAN_DB_PASSWORD", PostgresServer.PASSWORD);
        boolean json = false;
        Duration wait = Duration.ZERO;
        Options options = Options.defaults();
        int limit = 20;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    value = arg.substring(eq + 1);
                    arg = arg.substring(0, eq);
                }
                switch (arg) {
                    case "-h", "--help", "help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    case "--json" -> json = true;
                    case "--jdbc-url" -> url = value != null ? value : next(args, ++i, arg);
                    case "--user" -> user = value != null ? value : next(args, ++i, arg);
                    case "--password" -> password = value != null ? value : next(args, ++i, arg);
                    case "--wait" -> wait = Duration.ofSeconds(number(value != null ? value : next(args, ++i, arg),
                            arg));
                    case "--send-race" -> options = new Options(options.now(), Duration.ofSeconds(number(
                            value != null ? value : next(args, ++i, arg), arg)), options.stuckAfter());
                    case "--limit" -> limit = Math.max(1, number(value != null ? value : next(args, ++i, arg), arg));
                    case "--now" -> {
                        String text = value != null ? value : next(args, ++i, arg);
                        try {
                            options = options.withNow(Instant.parse(text));
                        } catch (DateTimeException e) {
                            throw new IllegalArgumentException("--now needs an ISO-8601 instant such as "
                                    + "2026-12-07T10:00:00Z, not '" + text + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("wellplan check: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        Report report;
        try {
            report = wait.isZero() ? run(url, user, password, options)
                    : runWaiting(url, user, password, options, wait);
        } catch (SQLException | RuntimeException e) {
            err.println("wellplan check: cannot check " + url + ": " + e.getMessage());
            return 2;
        }
        out.print(json ? report.toJson(limit) + "\n" : report.toText(limit));
        out.flush();
        return report.ok() ? 0 : 1;
    }

    private static String next(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int number(String text, String flag) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number >= 0, not '" + text + "'");
        }
    }
}
