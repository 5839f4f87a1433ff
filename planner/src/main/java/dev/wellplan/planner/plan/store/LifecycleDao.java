package dev.wellplan.planner.plan.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The plans whose time has come for a change of status on their own. */
public interface LifecycleDao {

    /** Active or paused plans whose last day, in their own zone, ended before {@code now}; oldest end first. */
    @SqlQuery("""
            SELECT id FROM planner.plan
            WHERE status IN ('ACTIVE', 'PAUSED') AND end_date < (CAST(:now AS timestamptz) AT TIME ZONE time_zone)::date
            ORDER BY end_date, id LIMIT :limit""")
    List<UUID> endedBy(@Bind("now") Instant now, @Bind("limit") int limit);
}
