package dev.wellplan.notifier.reminder.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import dev.wellplan.contract.DeliveryEvent;

/**
 * {@code notifier.delivery_outbox}: written by the ledger's trigger (migration V9) when a reminder fails for good,
 * claimed by the relay, marked once the broker acknowledged. A row's columns are the event's fields.
 */
@RegisterConstructorMapper(DeliveryEvent.class)
public interface DeliveryOutboxDao {

    /** The oldest unpublished rows that no other relay holds, locked until the caller's transaction ends. */
    @SqlQuery("""
            SELECT event_id, plan_id, reminder_id, kind, outcome, occurred_at FROM notifier.delivery_outbox
            WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<DeliveryEvent> claimPending(@Bind("limit") int limit);

    @SqlUpdate("UPDATE notifier.delivery_outbox SET published_at = :at WHERE event_id = ANY(:ids)")
    int markPublished(@Bind("ids") UUID[] ids, @Bind("at") Instant at);
}
