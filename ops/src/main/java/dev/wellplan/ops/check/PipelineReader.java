package dev.wellplan.ops.check;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.contract.InvalidPlanEventException;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.ops.check.PipelineState.AppliedPlan;
import dev.wellplan.ops.check.PipelineState.AppliedVersion;
import dev.wellplan.ops.check.PipelineState.Item;
import dev.wellplan.ops.check.PipelineState.Outbox;
import dev.wellplan.ops.check.PipelineState.OutboxRow;
import dev.wellplan.ops.check.PipelineState.PlannerPlan;
import dev.wellplan.ops.check.PipelineState.Reminder;

/**
 * Reads both schemas on one connection, inside the caller's transaction. It is an operator tool, not a service, so
 * it reads the {@code planner} and the {@code notifier} schema alike.
 */
final class PipelineReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("planner.plan", "planner.plan_revision", "planner.outbox",
            "notifier.plan_state", "notifier.processed_event", "notifier.reminder");
    /** Enough unpublished rows to name in a report; the count is always complete. */
    private static final int UNPUBLISHED_LISTED = 1000;

    private final Connection c;

    PipelineReader(Connection connection) {
        this.c = connection;
    }

    PipelineState read() throws SQLException {
        requireSchemas();
        return new PipelineState(outbox(), plannerPlans(), appliedPlans(), reminders(), timelines(),
                reminderIdUnique());
    }

    private void requireSchemas() throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String table : TABLES) {
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

    private Outbox outbox() throws SQLException {
        long events;
        long pending;
        Instant oldest;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*), count(*) FILTER (WHERE published_at IS NULL),
                       min(created_at) FILTER (WHERE published_at IS NULL)
                FROM planner.outbox""")) {
            rs.next();
            events = rs.getLong(1);
            pending = rs.getLong(2);
            oldest = instant(rs.getTimestamp(3));
        }
        List<OutboxRow> unpublished = outboxRows("""
                SELECT id, aggregate_id, event_type, created_at FROM planner.outbox
                WHERE published_at IS NULL ORDER BY seq LIMIT""" + " " + UNPUBLISHED_LISTED);
        List<OutboxRow> notConsumed = outboxRows("""
                SELECT o.id, o.aggregate_id, o.event_type, o.published_at FROM planner.outbox o
                WHERE o.published_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM notifier.processed_event p WHERE p.event_id = o.id)
                ORDER BY o.seq""");
        return new Outbox(events, pending, oldest, unpublished, notConsumed);
    }

    private List<OutboxRow> outboxRows(String sql) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new OutboxRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        instant(rs.getTimestamp(4))));
            }
        }
        return rows;
    }

    private Map<UUID, PlannerPlan> plannerPlans() throws SQLException {
        Map<UUID, PlannerPlan> plans = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, version, status, body::text FROM planner.plan")) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                plans.put(id, new PlannerPlan(id, rs.getLong(2), rs.getString(3), bodyItems(id, rs.getString(4))));
            }
        }
        return plans;
    }

    /** The notifier stores the whole plan event it applied, so the check can ask the policy what it wants. */
    private Map<UUID, AppliedPlan> appliedPlans() throws SQLException {
        Map<UUID, AppliedPlan> applied = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT plan_id, version, status, snapshot::text, updated_at FROM notifier.plan_state")) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                try {
                    applied.put(id, AppliedPlan.of(id, rs.getLong(2), rs.getString(3), instant(rs.getTimestamp(5)),
                            PlanEventCodec.fromJson(rs.getString(4))));
                } catch (InvalidPlanEventException | DateTimeException e) {
                    throw new IllegalStateException("plan " + id + ": the notifier's applied snapshot is not a plan "
                            + "event this check can read (" + e.getMessage() + ")", e);
                }
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

    /** Per plan with a sent reminder: the versions the notifier applied, in order, with their status. */
    private Map<UUID, List<AppliedVersion>> timelines() throws SQLException {
        Map<UUID, List<AppliedVersion>> timelines = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT e.plan_id, e.plan_version, e.processed_at, coalesce(r.status, st.status)
                FROM notifier.processed_event e
                LEFT JOIN planner.plan_revision r ON r.plan_id = e.plan_id AND r.version = e.plan_version
                LEFT JOIN notifier.plan_state st ON st.plan_id = e.plan_id AND st.version = e.plan_version
                WHERE e.outcome = 'APPLIED'
                  AND e.plan_id IN (SELECT DISTINCT plan_id FROM notifier.reminder WHERE status = 'SENT')
                ORDER BY e.plan_id, e.processed_at, e.plan_version""")) {
            while (rs.next()) {
                timelines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(
                        new AppliedVersion(rs.getLong(2), instant(rs.getTimestamp(3)), rs.getString(4)));
            }
        }
        return timelines;
    }

    /** The primary key is what makes each deterministic key exist once; make sure it is still there. */
    private boolean reminderIdUnique() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid
                     AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = 'notifier.reminder'::regclass AND i.indisunique AND a.attname = 'id'
                  AND i.indnatts = 1""")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** The items of the planner's plan body (the plan rules' document, not a plan event), by id. */
    private static Map<String, Item> bodyItems(UUID planId, String body) {
        JsonNode plan;
        try {
            plan = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("plan " + planId + ": unreadable plan body (" + e.getMessage() + ")", e);
        }
        Map<String, Item> items = new TreeMap<>();
        for (JsonNode item : plan.path("items")) {
            String id = item.path("id").asText(null);
            if (id != null) {
                items.put(id, new Item(id, item.path("kind").asText(null), localStart(item.path("start"))));
            }
        }
        return items;
    }

    /** An item's local start, written as ISO text or as numbers; null when it is neither. */
    private static LocalDateTime localStart(JsonNode s) {
        try {
            if (s.isTextual()) {
                return LocalDateTime.parse(s.asText());
            }
            if (s.isArray() && s.size() >= 5) {
                return LocalDateTime.of(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt(),
                        s.get(4).asInt(), s.size() > 5 ? s.get(5).asInt() : 0);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
