package dev.wellplan.planner.roster.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import dev.wellplan.planner.alert.store.AlertDao;

/**
 * The roster's reads: plans by owner (a coach, the unassigned pool, or every plan), status and open alert, a page at a
 * time.
 */
public interface RosterDao {

    /** One line of the roster, with how many plans match in all ({@code total}, the same on every line). */
    record Line(UUID planId, long version, String status, String timeZone, LocalDate startDate, LocalDate endDate,
                String coachId, String clientName, long total) {
    }

    /** {@code alert}: a kind of alert the plan has open ({@code any}: one of any kind), or null for every plan. */
    String WHERE = """
            WHERE (:scope = 'all' OR (:scope = 'mine' AND p.coach_id = :coachId)
                                  OR (:scope = 'unassigned' AND p.coach_id IS NULL))
              AND (CAST(:status AS text) IS NULL OR p.status = :status)
              AND (CAST(:alert AS text) IS NULL OR EXISTS (SELECT 1 FROM (""" + AlertDao.OPEN + """
                  ) o WHERE o.plan_id = p.id AND (:alert = 'any' OR o.kind = :alert)))""";

    @SqlQuery("""
            SELECT p.id AS plan_id, p.version, p.status, p.time_zone, p.start_date, p.end_date, p.coach_id,
                   c.name AS client_name, count(*) OVER () AS total
            FROM planner.plan p JOIN planner.client c ON c.id = p.client_id
            """ + WHERE + """

            ORDER BY p.start_date, p.id LIMIT :limit OFFSET :offset""")
    @RegisterConstructorMapper(Line.class)
    List<Line> page(@Bind("scope") String scope, @Bind("coachId") String coachId, @Bind("status") String status,
                    @Bind("alert") String alert, @Bind("now") Instant now, @Bind("limit") int limit,
                    @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM planner.plan p " + WHERE)
    long count(@Bind("scope") String scope, @Bind("coachId") String coachId, @Bind("status") String status,
               @Bind("alert") String alert, @Bind("now") Instant now);
}
