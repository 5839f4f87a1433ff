package dev.wellplan.planner.plan.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.outbox.KafkaRelay;
import dev.wellplan.support.outbox.OutboxTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes {@code planner.outbox} to {@code plan-events} with the shared {@link KafkaRelay}, one thread per
 * instance. A commit that wrote an outbox row wakes it at once (see {@link Outbox}); otherwise it looks every poll
 * interval. A batch is marked published only after the broker acknowledged every record of it, in the transaction
 * that claimed it; the duplicates this can cause are harmless: the notifier keeps a processed-event log and compares
 * plan versions.
 */
@ApplicationScoped
public class OutboxRelay {

    private final KafkaRelay<OutboxRow> relay;

    public OutboxRelay(TransactionHandles handles, Producer<String, String> producer, Clock clock,
                       OutboxConfig config) {
        this.relay = new KafkaRelay<>("outbox relay", new PlanOutbox(handles.onDemand(OutboxDao.class)), producer,
                clock, config);
    }

    void start(@Observes StartupEvent started) {
        relay.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        relay.stop();
    }

    /** Whether the last attempt to publish failed: the broker is away or not acknowledging. */
    public boolean brokerDown() {
        return relay.brokerDown();
    }

    /** Called after a transaction that wrote outbox rows committed. */
    public void wakeUp() {
        relay.wakeUp();
    }

    /** Publishes one batch; returns how many rows it published. */
    public int publishBatch() {
        return relay.publishBatch();
    }

    /** The plan events' outbox: each row is one event, keyed by its plan, its id and type in the headers. */
    private record PlanOutbox(OutboxDao dao) implements OutboxTable<OutboxRow> {

        @Override
        public List<OutboxRow> claimPending(int limit) {
            return dao.claimPending(limit);
        }

        @Override
        public ProducerRecord<String, String> toRecord(OutboxRow row) {
            var record = OutboxTable.eventRecord(PlanEvent.TOPIC, row.aggregateId(), row.id(), row.payload());
            record.headers().add(PlanEvent.EVENT_TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
            return record;
        }

        @Override
        public void markPublished(List<OutboxRow> rows, Instant at) {
            dao.markPublished(rows.stream().map(OutboxRow::id).toList(), at);
        }
    }
}
