package dev.wellplan.ops.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.ops.OpsRun;
import dev.wellplan.ops.check.ConsistencyCheck.Options;
import dev.wellplan.ops.check.Divergence.Kind;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderPolicy;
import dev.wellplan.stack.PostgresServer;
import dev.wellplan.testing.TestEvents;

/**
 * The consistency check against a real PostgreSQL with the real migrations, one hand-made divergence at a time:
 * each test starts from a consistent pipeline (which the check passes) and breaks one thing. The consistent pipeline
 * is written as the services write it: the applied plan is a whole plan event, and the ledger holds what the
 * reminder policy asks for it.
 */
class ConsistencyCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** "Now" for every check: the plans below start a week later. */
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Options AT_NOW = Options.defaults().withNow(NOW);

    private static PostgresServer pg;

    @BeforeAll
    static void database() throws Exception {
        pg = PostgresServer.startTemporary();
        Path migrations = Path.of("..", "migrations", "src", "main", "resources", "db", "migration");
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            for (String schema : List.of("planner", "notifier")) {
                s.execute("CREATE SCHEMA " + schema);
                List<Path> scripts;
                try (Stream<Path> files = Files.list(migrations.resolve(schema))) {
                    scripts = files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted(
                            (a, b) -> Integer.compare(version(a), version(b))).toList();
                }
                s.execute("SET search_path TO " + schema);
                for (Path script : scripts) {
                    s.execute(Files.readString(script));
                }
            }
        }
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void empty() throws SQLException {
        sql("TRUNCATE planner.outbox, planner.plan_revision, planner.idempotency_key, planner.plan, planner.client, "
                + "notifier.processed_event, notifier.plan_state, notifier.plan_change, notifier.reminder, "
                + "notifier.delivery_outbox CASCADE");
    }

    // ---------------------------------------------------------------- the consistent pipeline

    @Test
    void a_consistent_pipeline_has_no_divergence() throws Exception {
        UUID active = activePlan();
        UUID awaiting = awaitingPlan();

        Report report = check();

        assertThat(report.divergences()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.counts()).containsEntry("plans", 2L).containsEntry("appliedPlans", 2L)
                .containsEntry("outboxPending", 0L).containsEntry("remindersSENT", 3L);
        assertThat(report.toText(20)).contains("OK: no divergence");
        assertThat(active).isNotEqualTo(awaiting);
    }

    // ---------------------------------------------------------------- 1. the outbox

    @Test
    void an_unpublished_outbox_row_is_reported_with_its_age() throws Exception {
        UUID plan = activePlan();
        outbox(plan, 2, "PlanAdjusted", null, NOW.minusSeconds(95));

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.OUTBOX_PENDING);
        assertThat(report.outboxPending()).isEqualTo(1);
        assertThat(report.oldestPendingAge()).isEqualTo(Duration.ofSeconds(95));
        assertThat(report.toText(20)).contains("1 unpublished, oldest 95 s old");
    }

    @Test
    void a_published_event_the_notifier_never_processed_is_reported() throws Exception {
        UUID plan = activePlan();
        outbox(plan, 1, "PlanCreated", NOW.minusSeconds(10), NOW.minusSeconds(11)); // no processed_event row

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.PUBLISHED_NOT_CONSUMED);
        assertThat(report.divergences().get(0).planId()).isEqualTo(plan);
    }

    // ---------------------------------------------------------------- 2. applied state

    @Test
    void a_plan_the_notifier_never_applied_is_missing() throws Exception {
        UUID plan = UUID.randomUUID();
        plannerPlan(plan, 1, "ACTIVE", activeItems());

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.PLAN_STATE_MISSING);
        assertThat(report.divergences().get(0).planId()).isEqualTo(plan);
    }

    @Test
    void a_plan_applied_at_an_older_version_is_behind_and_one_at_a_newer_is_ahead() throws Exception {
        UUID behind = activePlan();
        sql("UPDATE planner.plan SET version = 2 WHERE id = ?", behind);
        UUID ahead = activePlan();
        sql("UPDATE notifier.plan_state SET version = 3 WHERE plan_id = ?", ahead);

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.PLAN_STATE_BEHIND, Kind.PLAN_STATE_AHEAD);
        assertThat(report.of(Kind.PLAN_STATE_BEHIND)).singleElement().satisfies(d -> {
            assertThat(d.planId()).isEqualTo(behind);
            assertThat(d.detail()).isEqualTo("planner v2 ACTIVE, notifier v1 ACTIVE");
        });
        assertThat(report.of(Kind.PLAN_STATE_AHEAD)).singleElement().extracting(Divergence::planId).isEqualTo(ahead);
    }

    @Test
    void a_different_status_or_other_items_at_the_same_version_are_mismatches() throws Exception {
        UUID status = activePlan();
        sql("UPDATE notifier.plan_state SET status = 'PAUSED' WHERE plan_id = ?", status);
        UUID items = activePlan();
        sql("UPDATE planner.plan SET body = jsonb_set(body, '{items,0,start}', '\"2026-12-11T11:00:00\"') WHERE id = ?",
                items);

        Report report = check();

        // the PAUSED plan's pending item reminders are also forbidden now
        assertThat(kinds(report)).containsOnly(Kind.PLAN_STATE_STATUS_MISMATCH, Kind.SNAPSHOT_MISMATCH,
                Kind.FORBIDDEN_PENDING);
        assertThat(report.of(Kind.PLAN_STATE_STATUS_MISMATCH)).singleElement().extracting(Divergence::planId)
                .isEqualTo(status);
        assertThat(report.of(Kind.SNAPSHOT_MISMATCH)).singleElement().satisfies(d -> {
            assertThat(d.planId()).isEqualTo(items);
            assertThat(d.detail()).contains("kinds or start times differ");
        });
    }

    @Test
    void an_applied_plan_the_planner_does_not_have_is_an_orphan() throws Exception {
        UUID plan = activePlan();
        sql("DELETE FROM planner.plan_revision WHERE plan_id = ?", plan);
        sql("DELETE FROM planner.outbox WHERE aggregate_id = ?", plan);
        sql("DELETE FROM planner.plan WHERE id = ?", plan);

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.PLAN_STATE_ORPHAN);
    }

    // ---------------------------------------------------------------- 3. invariant 3

    @Test
    void a_pending_item_reminder_of_a_paused_plan_and_a_massage_reminder_awaiting_clearance_are_forbidden()
            throws Exception {
        UUID paused = activePlan();
        changeStatus(paused, 2, "PAUSED", NOW.minusSeconds(3_600)); // applied, but the reminders were left pending
        UUID awaiting = awaitingPlan();
        reminder(awaiting, "massage-1", "MASSAGE_DAY_BEFORE", "SCHEDULED", 1, null);

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.FORBIDDEN_PENDING);
        assertThat(report.of(Kind.FORBIDDEN_PENDING)).extracting(Divergence::reminderId).containsExactlyInAnyOrder(
                itemKey(paused, "massage-1", "massage_day_before"), itemKey(paused, "strength-w1-d1", "strength_day"),
                itemKey(paused, "massage-1-aftercare", "aftercare"), itemKey(awaiting, "massage-1", "massage_day_before"));
    }

    @Test
    void a_pending_welcome_or_cancellation_notice_is_never_forbidden_and_cancelled_reminders_are_fine()
            throws Exception {
        UUID cancelled = activePlan();
        changeStatus(cancelled, 2, "CANCELLED", NOW.minusSeconds(60));
        sql("UPDATE notifier.reminder SET status = 'CANCELLED' WHERE plan_id = ? AND kind <> 'WELCOME'", cancelled);
        reminder(cancelled, null, "PLAN_CANCELLED", "SCHEDULED", 2, null);

        assertThat(check().divergences()).isEmpty();
    }

    @Test
    void a_reminder_sent_after_the_notifier_applied_a_pause_is_a_violation_but_one_sent_before_or_in_the_race_is_not()
            throws Exception {
        UUID before = activePlan();
        markSent(before, "strength-w1-d1", "strength_day", NOW.minusSeconds(7_200));
        changeStatus(before, 2, "PAUSED", NOW.minusSeconds(3_600));
        cancelPending(before, 2);

        UUID race = activePlan();
        changeStatus(race, 2, "PAUSED", NOW.minusSeconds(3_600));
        cancelPending(race, 2);
        markSent(race, "strength-w1-d1", "strength_day", NOW.minusSeconds(3_600).plusSeconds(2));

        UUID after = activePlan();
        changeStatus(after, 2, "PAUSED", NOW.minusSeconds(3_600));
        cancelPending(after, 2);
        markSent(after, "strength-w1-d1", "strength_day", NOW.minusSeconds(600));

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.SENT_WHILE_FORBIDDEN);
        assertThat(report.of(Kind.SENT_WHILE_FORBIDDEN)).singleElement().satisfies(d -> {
            assertThat(d.planId()).isEqualTo(after);
            assertThat(d.detail()).contains("50 min after the notifier applied v2 PAUSED");
        });
    }

    @Test
    void a_massage_reminder_sent_while_the_plan_awaited_clearance_is_a_violation() throws Exception {
        UUID plan = awaitingPlan();
        reminder(plan, "massage-1", "MASSAGE_DAY_BEFORE", "SENT", 1, NOW.minusSeconds(120));

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.SENT_WHILE_FORBIDDEN);
    }

    // ---------------------------------------------------------------- 4. the schedule equals the newest version

    @Test
    void a_pending_reminder_for_an_item_the_newest_version_dropped_is_not_in_the_plan() throws Exception {
        UUID plan = activePlan();
        reminder(plan, "strength-w9-d9", "STRENGTH_DAY", "SCHEDULED", 1, null);
        reminder(plan, "massage-1", "STRENGTH_DAY", "SCHEDULED", 1, null); // wrong kind for a massage item

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.REMINDER_NOT_IN_PLAN);
        assertThat(report.of(Kind.REMINDER_NOT_IN_PLAN)).extracting(Divergence::detail).containsExactlyInAnyOrder(
                "SCHEDULED STRENGTH_DAY: item strength-w9-d9 is not in the applied v1",
                "SCHEDULED STRENGTH_DAY: item massage-1 is a MASSAGE in the applied v1");
    }

    @Test
    void a_pending_change_notice_of_an_older_version_is_not_in_the_plan_but_the_newest_one_is() throws Exception {
        UUID plan = activePlan();
        changeStatus(plan, 2, "ACTIVE", NOW.minusSeconds(60));
        changeStatus(plan, 3, "ACTIVE", NOW.minusSeconds(30));
        reminderWithId(plan + ":v2:plan_changed", plan, null, "PLAN_CHANGED", "SCHEDULED", 2, null);
        reminderWithId(plan + ":v3:plan_changed", plan, null, "PLAN_CHANGED", "SCHEDULED", 3, null);

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.REMINDER_NOT_IN_PLAN);
        assertThat(report.of(Kind.REMINDER_NOT_IN_PLAN)).singleElement().extracting(Divergence::reminderId)
                .isEqualTo(plan + ":v2:plan_changed");
    }

    @Test
    void a_future_item_of_an_active_plan_without_a_live_reminder_is_missing() throws Exception {
        UUID plan = activePlan();
        sql("DELETE FROM notifier.reminder WHERE id = ?", itemKey(plan, "strength-w1-d1", "strength_day"));
        sql("UPDATE notifier.reminder SET status = 'CANCELLED' WHERE id = ?", itemKey(plan, "massage-1", "massage_day_before"));
        UUID unsubscribed = activePlan();
        sql("UPDATE notifier.reminder SET status = 'CANCELLED', last_error = 'unsubscribed' WHERE plan_id = ? "
                + "AND kind <> 'WELCOME'", unsubscribed);

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.REMINDER_MISSING);
        assertThat(report.of(Kind.REMINDER_MISSING)).extracting(Divergence::reminderId).containsExactlyInAnyOrder(
                itemKey(plan, "strength-w1-d1", "strength_day"), itemKey(plan, "massage-1", "massage_day_before"));
    }

    @Test
    void items_already_past_need_no_live_reminder() throws Exception {
        UUID plan = activePlan();
        sql("DELETE FROM notifier.reminder WHERE plan_id = ? AND kind <> 'WELCOME'", plan);

        Report report = ConsistencyCheck.run(pg.jdbcUrl(), pg.user(), pg.password(),
                Options.defaults().withNow(Instant.parse("2027-02-01T00:00:00Z")));

        assertThat(report.divergences()).isEmpty();
    }

    // ---------------------------------------------------------------- 5. the ledger

    @Test
    void a_sent_reminder_without_message_id_a_duplicate_message_id_a_bad_key_and_a_stuck_claim_are_reported()
            throws Exception {
        UUID plan = activePlan();
        sql("UPDATE notifier.reminder SET message_id = NULL WHERE id = ?", plan + ":plan:welcome");
        UUID other = activePlan();
        sql("UPDATE notifier.reminder SET status = 'SENT', sent_at = ?, message_id = '<same@wellplan>' "
                + "WHERE plan_id = ? AND kind IN ('AFTERCARE', 'WELCOME')", ts(NOW.minusSeconds(5)), other);
        reminderWithId(UUID.randomUUID().toString(), plan, null, "WELCOME", "CANCELLED", 1, null);
        sql("UPDATE notifier.reminder SET status = 'SENDING', claimed_at = ? WHERE id = ?",
                ts(NOW.minus(Duration.ofHours(1))), itemKey(plan, "massage-1", "massage_day_before"));

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.SENT_WITHOUT_MESSAGE_ID, Kind.DUPLICATE_MESSAGE_ID,
                Kind.REMINDER_KEY_INVALID, Kind.SENDING_STUCK);
        assertThat(report.of(Kind.SENT_WITHOUT_MESSAGE_ID)).singleElement().extracting(Divergence::reminderId)
                .isEqualTo(plan + ":plan:welcome");
        assertThat(report.of(Kind.SENDING_STUCK)).singleElement().extracting(Divergence::reminderId)
                .isEqualTo(itemKey(plan, "massage-1", "massage_day_before"));
    }

    // ---------------------------------------------------------------- output and command line

    @Test
    void the_json_report_has_counts_a_summary_and_the_divergences() throws Exception {
        UUID plan = UUID.randomUUID();
        plannerPlan(plan, 1, "ACTIVE", activeItems());
        outbox(plan, 1, "PlanCreated", null, NOW.minusSeconds(30));

        JsonNode json = JSON.readTree(check().toJson(20));

        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("checkedAt").asText()).isEqualTo(NOW.toString());
        assertThat(json.at("/outbox/pending").asLong()).isEqualTo(1);
        assertThat(json.at("/outbox/oldestPendingAgeSeconds").asDouble()).isEqualTo(30.0);
        assertThat(json.at("/summary/PLAN_STATE_MISSING").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/OUTBOX_PENDING").asInt()).isEqualTo(2); // the total and the row
        assertThat(json.get("divergences")).anySatisfy(d -> {
            assertThat(d.get("kind").asText()).isEqualTo("PLAN_STATE_MISSING");
            assertThat(d.get("planId").asText()).isEqualTo(plan.toString());
        });
        assertThat(json.toString()).doesNotContain("@example.com");
    }

    @Test
    void the_command_exits_0_when_consistent_1_on_divergences_and_2_on_bad_usage() throws Exception {
        activePlan();
        String[] db = {"check", "--jdbc-url", pg.jdbcUrl(), "--user", pg.user(), "--password", pg.password(),
                "--now", NOW.toString()};
        assertThat(OpsRun.of(db).exit()).isZero();
        assertThat(OpsRun.of(db).out()).contains("OK: no divergence");

        plannerPlan(UUID.randomUUID(), 1, "ACTIVE", activeItems());
        OpsRun text = OpsRun.of(db);
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains("1 divergence", "PLAN_STATE_MISSING (1)", "docs/operations.md");
        OpsRun json = OpsRun.of(concat(db, "--json"));
        assertThat(json.exit()).isEqualTo(1);
        assertThat(JSON.readTree(json.out()).get("ok").asBoolean()).isFalse();

        assertThat(OpsRun.of("check", "--bogus").exit()).isEqualTo(2);
        assertThat(OpsRun.of("check", "--jdbc-url", "jdbc:postgresql://localhost:1/none").exit()).isEqualTo(2);
        assertThat(OpsRun.of("check", "--help").out()).contains("usage: wellplan check");
    }

    @Test
    void wait_rechecks_until_the_backlog_is_applied() throws Exception {
        UUID plan = UUID.randomUUID();
        plannerPlan(plan, 1, "ACTIVE", activeItems());
        List<Report> runs = new CopyOnWriteArrayList<>();
        CompletableFuture<Report> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return ConsistencyCheck.runWaiting(pg.jdbcUrl(), pg.user(), pg.password(), AT_NOW,
                        Duration.ofSeconds(30), runs::add);
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !runs.isEmpty());

        ledgerAsTheNotifierWrites(appliedState(plan, 1, "ACTIVE", activeItems(), NOW.minusSeconds(1)));
        Report report = waiting.get(60, TimeUnit.SECONDS);

        assertThat(runs.get(0).of(Kind.PLAN_STATE_MISSING)).extracting(Divergence::planId).containsExactly(plan);
        assertThat(report.divergences()).isEmpty();
    }

    @Test
    void a_database_without_the_schemas_is_refused() {
        assertThatThrownBy(() -> ConsistencyCheck.run(pg.jdbcUrl("postgres"), pg.user(), pg.password(), AT_NOW))
                .isInstanceOf(SQLException.class).hasMessageContaining("not a wellplan database");
    }

    // ---------------------------------------------------------------- the notifier's own policy

    @Test
    void a_scheduled_item_reminder_at_another_time_than_the_policy_gives_is_not_in_the_plan() throws Exception {
        UUID plan = activePlan();
        String strength = itemKey(plan, "strength-w1-d1", "strength_day");
        sql("UPDATE notifier.reminder SET due_at = due_at + interval '1 hour' WHERE id = ?", strength);

        Report report = check();

        assertThat(kinds(report)).containsOnly(Kind.REMINDER_NOT_IN_PLAN);
        assertThat(report.of(Kind.REMINDER_NOT_IN_PLAN)).singleElement().satisfies(d -> {
            assertThat(d.reminderId()).isEqualTo(strength);
            assertThat(d.detail()).isEqualTo("SCHEDULED STRENGTH_DAY: due 2026-12-07T08:30:00Z, but the applied v1 "
                    + "asks for 2026-12-07T07:30:00Z");
        });
    }

    @Test
    void the_ledger_is_held_to_the_policy_as_the_notifier_is_configured() throws Exception {
        UUID plan = activePlan();
        ReminderPolicy twelveHoursAhead = new ReminderPolicy(Duration.ofHours(12),
                ReminderPolicy.DEFAULT_QUIET_HOURS_MARGIN);

        Report report = ConsistencyCheck.run(pg.jdbcUrl(), pg.user(), pg.password(),
                AT_NOW.withPolicy(twelveHoursAhead));

        assertThat(kinds(report)).containsOnly(Kind.REMINDER_NOT_IN_PLAN);
        assertThat(report.of(Kind.REMINDER_NOT_IN_PLAN)).singleElement().extracting(Divergence::reminderId)
                .isEqualTo(itemKey(plan, "massage-1", "massage_day_before"));
        String[] db = {"check", "--jdbc-url", pg.jdbcUrl(), "--user", pg.user(), "--password", pg.password(),
                "--now", NOW.toString()};
        assertThat(OpsRun.of(concat(db, "--massage-lead", "PT12H")).exit()).isEqualTo(1);
        assertThat(OpsRun.of(concat(db, "--massage-lead", "PT24H", "--quiet-hours-margin", "PT15M")).exit()).isZero();
    }

    // ---------------------------------------------------------------- fixtures

    /** An ACTIVE plan at v1, applied, its welcome sent and its three item reminders scheduled. */
    private static UUID activePlan() throws Exception {
        UUID plan = UUID.randomUUID();
        List<String[]> items = activeItems();
        plannerPlan(plan, 1, "ACTIVE", items);
        revision(plan, 1, "ACTIVE");
        UUID created = outbox(plan, 1, "PlanCreated", NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(5)));
        processed(created, plan, 1, NOW.minus(Duration.ofHours(5)).plusSeconds(1));
        ledgerAsTheNotifierWrites(appliedState(plan, 1, "ACTIVE", items, NOW.minus(Duration.ofHours(5))));
        return plan;
    }

    /** A plan held by the safety gate at v1: only its welcome and its see-a-doctor notice, both sent. */
    private static UUID awaitingPlan() throws Exception {
        UUID plan = UUID.randomUUID();
        List<String[]> items = List.of(new String[] {"clearance", "CLEARANCE", "2026-12-07T09:00:00"},
                new String[] {"massage-1", "MASSAGE", "2026-12-08T10:00:00"});
        plannerPlan(plan, 1, "AWAITING_CLEARANCE", items);
        revision(plan, 1, "AWAITING_CLEARANCE");
        UUID created = outbox(plan, 1, "PlanCreated", NOW.minus(Duration.ofHours(5)), NOW.minus(Duration.ofHours(5)));
        processed(created, plan, 1, NOW.minus(Duration.ofHours(5)).plusSeconds(1));
        ledgerAsTheNotifierWrites(appliedState(plan, 1, "AWAITING_CLEARANCE", items, NOW.minus(Duration.ofHours(5))));
        return plan;
    }

    private static List<String[]> activeItems() {
        return List.of(new String[] {"massage-1", "MASSAGE", "2026-12-08T10:00:00"},
                new String[] {"massage-1-aftercare", "AFTERCARE", "2026-12-08T11:00:00"},
                new String[] {"strength-w1-d1", "STRENGTH", "2026-12-07T07:30:00"},
                new String[] {"warm-up", "LIGHT_MOVEMENT", "2026-12-07T07:00:00"}); // a kind with no reminder
    }

    /**
     * The ledger the notifier writes for {@code event}: every reminder the policy asks for, the notices (welcome,
     * see a doctor) already sent, the item reminders scheduled at their due times.
     */
    private static void ledgerAsTheNotifierWrites(PlanEvent event) throws SQLException {
        for (DesiredReminder want : ReminderPolicy.defaults().desired(event)) {
            Instant sentAt = want.kind().planWide() ? event.occurredAt().plusSeconds(2) : null;
            insertReminder(want.key(), event.planId(), want.itemId(), want.kind().name(), want.dueAt(),
                    want.localTime(), sentAt == null ? "SCHEDULED" : "SENT", event.planVersion(), sentAt);
        }
    }

    /** A status change at {@code version}, committed and applied at {@code at}; the items stay. */
    private static void changeStatus(UUID plan, long version, String status, Instant at) throws Exception {
        sql("UPDATE planner.plan SET version = ?, status = ? WHERE id = ?", version, status, plan);
        revision(plan, version, status);
        UUID event = outbox(plan, version, "PlanStatusChanged", at, at);
        processed(event, plan, version, at);
        PlanSnapshot was = appliedEvent(plan).plan();
        PlanSnapshot now = new PlanSnapshot(plan, version, status, was.client(), was.timeZone(), was.startDate(),
                was.endDate(), was.quietHours(), was.urgency(), was.items());
        PlanEvent changed = new PlanEvent(event, PlanEventType.PlanStatusChanged, PlanEvent.SCHEMA_VERSION, plan,
                version, at, new PlanEvent.Change("coach", "status changed", false), now);
        sql("UPDATE notifier.plan_state SET version = ?, status = ?, updated_at = ?, snapshot = ?::jsonb "
                + "WHERE plan_id = ?", version, status, ts(at), PlanEventCodec.toJson(changed), plan);
    }

    private static PlanEvent appliedEvent(UUID plan) throws SQLException {
        try (Connection c = pg.connect();
                PreparedStatement s = c.prepareStatement("SELECT snapshot::text FROM notifier.plan_state "
                        + "WHERE plan_id = ?")) {
            s.setObject(1, plan);
            try (var rs = s.executeQuery()) {
                rs.next();
                return PlanEventCodec.fromJson(rs.getString(1));
            }
        }
    }

    private static void processed(UUID event, UUID plan, long version, Instant at) throws SQLException {
        sql("INSERT INTO notifier.processed_event VALUES (?, ?, ?, 'APPLIED', ?)", event, plan, version, ts(at));
    }

    private static void cancelPending(UUID plan, long version) throws SQLException {
        sql("UPDATE notifier.reminder SET status = 'CANCELLED', plan_version = ? WHERE plan_id = ? "
                + "AND status = 'SCHEDULED'", version, plan);
    }

    private static void markSent(UUID plan, String item, String kind, Instant at) throws SQLException {
        sql("UPDATE notifier.reminder SET status = 'SENT', sent_at = ?, message_id = ? WHERE id = ?", ts(at),
                "<" + plan + "." + item + "@wellplan>", itemKey(plan, item, kind));
    }

    private static void plannerPlan(UUID plan, long version, String status, List<String[]> items) throws Exception {
        UUID client = UUID.randomUUID();
        sql("INSERT INTO planner.client (id, name, email, email_key, time_zone, created_at) VALUES (?, 'Ana Souza', "
                + "'ana-" + client + "@example.com', 'ana-" + client + "@example.com', 'Europe/Lisbon', ?)",
                client, ts(NOW.minus(Duration.ofHours(6))));
        ObjectNode body = JSON.createObjectNode();
        body.put("status", status);
        body.put("timeZone", LISBON.getId());
        body.set("items", itemsJson(items));
        sql("INSERT INTO planner.plan (id, client_id, version, status, time_zone, start_date, end_date, assessment, "
                + "body, created_at, updated_at) VALUES (?, ?, ?, ?, 'Europe/Lisbon', DATE '2026-12-07', "
                + "DATE '2027-01-03', '{}'::jsonb, ?::jsonb, ?, ?)", plan, client, version, status,
                JSON.writeValueAsString(body),
                ts(NOW.minus(Duration.ofHours(6))), ts(NOW.minus(Duration.ofHours(6))));
    }

    private static void revision(UUID plan, long version, String status) throws SQLException {
        sql("INSERT INTO planner.plan_revision VALUES (?, ?, ?, 'PlanCreated', NULL, NULL, '{}'::jsonb, ?)", plan,
                version, status, ts(NOW.minus(Duration.ofHours(6))));
    }

    private static UUID outbox(UUID plan, long version, String type, Instant publishedAt, Instant createdAt)
            throws SQLException {
        UUID event = UUID.randomUUID();
        sql("INSERT INTO planner.outbox (id, aggregate_type, aggregate_id, event_type, payload, created_at, "
                + "published_at) VALUES (?, 'plan', ?, ?, ?, ?, ?)", event, plan, type, "{\"planVersion\":" + version
                + "}", ts(createdAt), publishedAt == null ? null : ts(publishedAt));
        return event;
    }

    /** The notifier's applied state: the whole plan event it applied, as its codec writes it. */
    private static PlanEvent appliedState(UUID plan, long version, String status, List<String[]> items, Instant at)
            throws SQLException {
        PlanEvent event = TestEvents.event(plan, version, PlanEventType.PlanCreated, status, LISBON.getId(), at,
                items.stream().map(ConsistencyCheckTest::item).toList());
        sql("INSERT INTO notifier.plan_state VALUES (?, ?, ?, ?::jsonb, ?)", plan, version, status,
                PlanEventCodec.toJson(event), ts(at));
        return event;
    }

    private static PlanSnapshot.Item item(String[] item) {
        return new PlanSnapshot.Item(item[0], item[1], LocalDateTime.parse(item[2]), 30, item[1], null, null,
                List.of(), List.of());
    }

    private static ArrayNode itemsJson(List<String[]> items) {
        ArrayNode array = JSON.createArrayNode();
        for (String[] item : items) {
            array.addObject().put("id", item[0]).put("kind", item[1]).put("start", item[2]);
        }
        return array;
    }

    /** A ledger row by hand, due at a fixed time: for reminders the policy does not ask for. */
    private static void reminder(UUID plan, String item, String kind, String status, long version, Instant sentAt)
            throws SQLException {
        String lower = kind.toLowerCase(java.util.Locale.ROOT);
        reminderWithId(item != null ? itemKey(plan, item, lower) : plan + ":plan:" + lower, plan, item, kind,
                status, version, sentAt);
    }

    /** The id the notifier gives an item's reminder: the item and its start, as {@link #activeItems} has it. */
    private static String itemKey(UUID plan, String item, String kind) {
        String start = activeItems().stream().filter(i -> i[0].equals(item)).map(i -> i[2]).findFirst()
                .orElse("2026-12-09T07:30:00"); // an item no plan here has: a day after the others
        return plan + ":" + item + "@" + start + ":" + kind;
    }

    private static void reminderWithId(String id, UUID plan, String item, String kind, String status, long version,
                                       Instant sentAt) throws SQLException {
        LocalDateTime local = LocalDateTime.of(2026, 12, 7, 9, 0);
        insertReminder(id, plan, item, kind, local.atZone(LISBON).toInstant(), local, status, version, sentAt);
    }

    private static void insertReminder(String id, UUID plan, String item, String kind, Instant dueAt,
                                       LocalDateTime local, String status, long version, Instant sentAt)
            throws SQLException {
        sql("INSERT INTO notifier.reminder (id, plan_id, item_id, kind, due_at, local_time, time_zone, plan_version, "
                + "status, sent_at, message_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'Europe/Lisbon', ?, "
                + "?, ?, ?, ?, ?)", id, plan, item, kind, ts(dueAt), Timestamp.valueOf(local), version, status,
                sentAt == null ? null : ts(sentAt), sentAt == null ? null : "<" + id + "@wellplan.local>",
                ts(NOW.minus(Duration.ofHours(5))), ts(NOW.minus(Duration.ofHours(5))));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static void sql(String sql, Object... args) throws SQLException {
        try (Connection c = pg.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        }
    }

    private static Report check() throws SQLException {
        return ConsistencyCheck.run(pg.jdbcUrl(), pg.user(), pg.password(), AT_NOW);
    }

    private static List<Kind> kinds(Report report) {
        return new ArrayList<>(report.byKind().keySet());
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
