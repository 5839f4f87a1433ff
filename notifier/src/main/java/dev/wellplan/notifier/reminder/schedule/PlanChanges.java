package dev.wellplan.notifier.reminder.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanSnapshot;

/**
 * The log of what each applied plan version changed ({@code notifier.plan_change}): written by the reconcile that
 * applies a version, in its transaction, with the applied state ({@link ReminderDao#saveStates}), read when the "your
 * plan changed" e-mail and the cancellation are composed.
 * Items only: the client's name and address stay in the applied snapshot alone.
 */
@ApplicationScoped
public class PlanChanges {

    private static final TypeReference<List<PlanSnapshot.Item>> ITEMS = new TypeReference<>() {
    };

    private final Jdbi jdbi;
    private final ObjectMapper json;

    public PlanChanges(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    /** Every recorded change of the plan, oldest first. */
    public List<PlanChange> of(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT version, cause, reason, silent, status_before, status_after,
                               items_before::text AS items_before, items_after::text AS items_after
                        FROM notifier.plan_change WHERE plan_id = :planId ORDER BY version""")
                .bind("planId", planId).map((rs, ctx) -> row(rs)).list());
    }

    private PlanChange row(ResultSet rs) throws SQLException {
        String written = rs.getString("cause");
        PlanEvent.Cause cause = Arrays.stream(PlanEvent.Cause.values()).filter(c -> c.name().equals(written))
                .findFirst().orElse(PlanEvent.Cause.COACH);
        return new PlanChange(rs.getLong("version"), cause, rs.getString("reason"), rs.getBoolean("silent"),
                rs.getString("status_before"), rs.getString("status_after"), items(rs.getString("items_before")),
                items(rs.getString("items_after")));
    }

    private List<PlanSnapshot.Item> items(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded plan change cannot be read", e);
        }
    }
}
