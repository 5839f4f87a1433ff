package dev.wellplan.planner.checkin.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The check-ins of plans: what the client answered, when, about which session. */
public interface CheckInDao {

    /** One check-in; {@code itemId} and {@code hoursAfter} are null for a report without a session. */
    record Row(UUID id, UUID planId, String itemId, Integer hoursAfter, int soreness, int pain, List<String> redFlags,
               String note, String recordedBy, Instant recordedAt) {
    }

    /** A plan the watch on missed check-ins looks at: its zone and body. */
    record WatchedPlan(UUID id, String timeZone, String body) {
    }

    @SqlUpdate("""
            INSERT INTO planner.check_in (id, plan_id, item_id, hours_after, soreness, pain, red_flags, note,
                                          recorded_by, recorded_at)
            VALUES (:id, :planId, :itemId, :hoursAfter, :soreness, :pain, :redFlags, :note, :recordedBy, :at)""")
    void insert(@Bind("id") UUID id, @Bind("planId") UUID planId, @Bind("itemId") String itemId,
                @Bind("hoursAfter") Integer hoursAfter, @Bind("soreness") int soreness, @Bind("pain") int pain,
                @Bind("redFlags") String[] redFlags, @Bind("note") String note, @Bind("recordedBy") String recordedBy,
                @Bind("at") Instant at);

    /** The plan's check-ins, oldest first. */
    @SqlQuery("""
            SELECT id, plan_id, item_id, hours_after, soreness, pain, red_flags, note, recorded_by, recorded_at
            FROM planner.check_in WHERE plan_id = :planId ORDER BY recorded_at, id""")
    @RegisterConstructorMapper(Row.class)
    List<Row> ofPlan(@Bind("planId") UUID planId);

    /**
     * Active plans under way between {@code from} and {@code to} (their own dates), a page at a time after
     * {@code after}: the ones whose check-ins may have gone unanswered.
     */
    @SqlQuery("""
            SELECT id, time_zone, body::text AS body FROM planner.plan
            WHERE status = 'ACTIVE' AND start_date <= :to AND end_date >= :from AND id > :after
            ORDER BY id LIMIT :limit""")
    @RegisterConstructorMapper(WatchedPlan.class)
    List<WatchedPlan> activeBetween(@Bind("from") LocalDate from, @Bind("to") LocalDate to,
                                    @Bind("after") UUID after, @Bind("limit") int limit);
}
