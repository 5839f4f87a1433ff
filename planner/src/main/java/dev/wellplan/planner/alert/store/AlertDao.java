package dev.wellplan.planner.alert.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The coach's alerts: the stored ones, and those that follow from the plans themselves. */
public interface AlertDao {

    /**
     * Every open alert, as {@code (id, plan_id, kind, urgent, raised_at, subject, detail, proposal_id)}, at
     * {@code :now}: the stored ones not cleared; every plan awaiting clearance (unless an open red-flag alert already
     * says so, and urgently); every active or paused plan whose last day, in its own zone, is within the week. The
     * roster's {@code alert} filter reads it too.
     */
    String OPEN = """
            SELECT a.id, a.plan_id, a.kind, a.urgent, a.raised_at, a.subject, a.detail, a.proposal_id
            FROM planner.alert a WHERE a.cleared_at IS NULL
            UNION ALL
            SELECT NULL::uuid, p.id, 'AWAITING_CLEARANCE', coalesce(p.body->>'urgency' = 'SEEK_CARE_TODAY', false),
                   p.updated_at, NULL, NULL, NULL::uuid
            FROM planner.plan p WHERE p.status = 'AWAITING_CLEARANCE'
              AND NOT EXISTS (SELECT 1 FROM planner.alert r
                              WHERE r.plan_id = p.id AND r.kind = 'RED_FLAG' AND r.cleared_at IS NULL)
            UNION ALL
            SELECT NULL::uuid, p.id, 'ENDING_THIS_WEEK', false,
                   (p.end_date - 6)::timestamp AT TIME ZONE p.time_zone, NULL, NULL, NULL::uuid
            FROM planner.plan p WHERE p.status IN ('ACTIVE', 'PAUSED')
              AND p.end_date BETWEEN (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date
                                 AND (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date + 6""";

    /** One open alert, with the plan's coach (null: the pool) and client. */
    record Line(UUID id, UUID planId, String kind, boolean urgent, Instant raisedAt, String subject, String detail,
                UUID proposalId, String coachId, String clientName) {
    }

    /**
     * Raises an alert; one already raised about the same thing (cleared or not) stays as it is, and one about a plan
     * this planner does not know is not raised. Returns 1 when it raised one.
     */
    @SqlUpdate("""
            INSERT INTO planner.alert (id, plan_id, kind, subject, urgent, detail, proposal_id, raised_at)
            SELECT :id, :planId, :kind, :subject, :urgent, :detail, :proposalId, :at
            WHERE EXISTS (SELECT 1 FROM planner.plan WHERE id = :planId)
            ON CONFLICT (plan_id, kind, subject) DO NOTHING""")
    int raise(@Bind("id") UUID id, @Bind("planId") UUID planId, @Bind("kind") String kind,
              @Bind("subject") String subject, @Bind("urgent") boolean urgent, @Bind("detail") String detail,
              @Bind("proposalId") UUID proposalId, @Bind("at") Instant at);

    /** Clears the open alerts of a kind on a plan ({@code subject} null: whatever they are about). */
    @SqlUpdate("""
            UPDATE planner.alert SET cleared_at = :at, cleared_by = :by
            WHERE plan_id = :planId AND kind = :kind AND (CAST(:subject AS text) IS NULL OR subject = :subject)
              AND cleared_at IS NULL""")
    int clear(@Bind("planId") UUID planId, @Bind("kind") String kind, @Bind("subject") String subject,
              @Bind("by") String by, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE planner.alert SET cleared_at = :at, cleared_by = :by
            WHERE proposal_id = :proposalId AND cleared_at IS NULL""")
    int clearProposal(@Bind("proposalId") UUID proposalId, @Bind("by") String by, @Bind("at") Instant at);

    /** Clears one stored alert; 0 when the plan has no such alert or it was cleared already. */
    @SqlUpdate("""
            UPDATE planner.alert SET cleared_at = :at, cleared_by = :by
            WHERE id = :id AND plan_id = :planId AND cleared_at IS NULL""")
    int clearOne(@Bind("planId") UUID planId, @Bind("id") UUID id, @Bind("by") String by, @Bind("at") Instant at);

    /** Whether the plan has this stored alert, cleared or not. */
    @SqlQuery("SELECT kind FROM planner.alert WHERE id = :id AND plan_id = :planId")
    Optional<String> kindOf(@Bind("planId") UUID planId, @Bind("id") UUID id);

    /**
     * The open alerts of plans the caller may see: every plan ({@code all}), their own ({@code mine}, with
     * {@code coachId}), the pool's ({@code pool}); of one plan, or any ({@code planId} null); of one kind, or all
     * ({@code kind} null); urgent first, then oldest.
     * Plans cancelled, expired or not yet confirmed raise nothing.
     */
    @SqlQuery("""
            SELECT o.id, o.plan_id, o.kind, o.urgent, o.raised_at, o.subject, o.detail, o.proposal_id, p.coach_id,
                   c.name AS client_name
            FROM (""" + OPEN + """
            ) o JOIN planner.plan p ON p.id = o.plan_id JOIN planner.client c ON c.id = p.client_id
            WHERE p.status NOT IN ('CANCELLED', 'EXPIRED', 'PENDING_CONFIRMATION')
              AND (:all OR (:mine AND p.coach_id = :coachId) OR (:pool AND p.coach_id IS NULL))
              AND (CAST(:planId AS uuid) IS NULL OR o.plan_id = :planId)
              AND (CAST(:kind AS text) IS NULL OR o.kind = :kind)
            ORDER BY o.urgent DESC, o.raised_at, o.plan_id, o.kind LIMIT :limit""")
    @RegisterConstructorMapper(Line.class)
    List<Line> open(@Bind("now") Instant now, @Bind("all") boolean all, @Bind("mine") boolean mine,
                    @Bind("pool") boolean pool, @Bind("coachId") String coachId, @Bind("planId") UUID planId,
                    @Bind("kind") String kind, @Bind("limit") int limit);
}
