package dev.wellplan.notifier.reminder.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.wellplan.contract.DeliveryEvent;
import dev.wellplan.contract.DeliveryEventCodec;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.outbox.IdempotentProducers;
import dev.wellplan.support.outbox.KafkaRelay;
import dev.wellplan.support.outbox.OutboxTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the planner which reminders failed for good: publishes {@code notifier.delivery_outbox} to
 * {@code delivery-events}, keyed by plan id, the event id in the {@value PlanEvent#EVENT_ID_HEADER} header. It runs
 * on the relay the planner's outbox runs on ({@link KafkaRelay}), with a producer of its own. Rows are marked
 * published only once the broker acknowledged them, so an event is never lost and may arrive twice (the planner
 * deduplicates). Several notifier instances each claim their own rows ({@code FOR UPDATE SKIP LOCKED}), so they do
 * not publish the same row at once.
 */
@ApplicationScoped
public class DeliveryOutboxRelay {

    /** The producer's client id, as the AsyncAPI document names it. */
    public static final String CLIENT_ID = "wellplan-notifier-delivery-outbox";

    private final Producer<String, String> producer;
    private final KafkaRelay<DeliveryEvent> relay;

    public DeliveryOutboxRelay(TransactionHandles handles, Clock clock, DeliveryOutboxConfig config,
                               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = IdempotentProducers.create(bootstrapServers, CLIENT_ID);
        this.relay = new KafkaRelay<>("delivery outbox relay",
                new DeliveryOutbox(handles.onDemand(DeliveryOutboxDao.class)), producer, clock, config);
    }

    void start(@Observes StartupEvent started) {
        relay.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        relay.stop();
        producer.close(Duration.ofSeconds(5));
    }

    /** Each row is one event; no address and no content travel, only the reminder's id and kind. */
    private record DeliveryOutbox(DeliveryOutboxDao dao) implements OutboxTable<DeliveryEvent> {

        @Override
        public List<DeliveryEvent> claimPending(int limit) {
            return dao.claimPending(limit);
        }

        @Override
        public ProducerRecord<String, String> toRecord(DeliveryEvent event) {
            return OutboxTable.eventRecord(DeliveryEvent.TOPIC, event.planId(), event.eventId(),
                    DeliveryEventCodec.toJson(event));
        }

        @Override
        public void markPublished(List<DeliveryEvent> events, Instant at) {
            dao.markPublished(events.stream().map(DeliveryEvent::eventId).toArray(UUID[]::new), at);
        }
    }
}
