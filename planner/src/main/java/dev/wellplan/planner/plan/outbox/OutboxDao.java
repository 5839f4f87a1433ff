package dev.wellplan.planner.plan.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The outbox table: written with the plan, claimed by the relay, marked once the broker acknowledged. */
@RegisterConstructorMapper(OutboxRow.class)
public interface OutboxDao {

    @SqlUpdate("""
            INSERT INTO planner.outbox (id, aggregate_type, aggregate_id, event_type, payload, created_at)
            VALUES (:id, 'plan', :aggregateId, :eventType, :payload, :at)""")
    void insert(@Bind("id") UUID id, @Bind("aggregateId") UUID aggregateId, @Bind("eventType") String eventType,
                @Bind("payload") String payload, @Bind("at") Instant at);

    /**
     * Locks the oldest unpublished rows that no other relay holds: several planner instances
     * each take their own batch and never wait for one another.
     */
    @SqlQuery("""
            SELECT id, seq, aggregate_id, event_type, payload, created_at FROM planner.outbox
            WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<OutboxRow> claimPending(@Bind("limit") int limit);

    @SqlUpdate("UPDATE planner.outbox SET published_at = :at WHERE id IN (<ids>)")
    int markPublished(@BindList("ids") List<UUID> ids, @Bind("at") Instant at);

    @SqlQuery("SELECT count(*) FROM planner.outbox WHERE published_at IS NULL")
    long pendingCount();

    @SqlQuery("SELECT min(created_at) FROM planner.outbox WHERE published_at IS NULL")
    Instant oldestPending();
}
