package dev.wellplan.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.wellplan.contract.PlanEvent;

/**
 * One outbox table as its relay ({@link KafkaRelay}) sees it. Every method runs in the relay's transaction, so the
 * rows claimed stay locked until they are marked published or the transaction rolls back.
 *
 * @param <R> a row of the table
 */
public interface OutboxTable<R> {

    /**
     * Locks up to {@code limit} of the oldest unpublished rows that no other relay holds ({@code FOR UPDATE SKIP
     * LOCKED}): several instances each take their own batch and never wait for one another.
     */
    List<R> claimPending(int limit);

    /** The Kafka record that publishes {@code row}: topic, key, value and headers. */
    ProducerRecord<String, String> toRecord(R row);

    /** These rows were acknowledged by the broker at {@code at}. */
    void markPublished(List<R> rows, Instant at);

    /** A record of one event: keyed by {@code key}, its id in the {@value PlanEvent#EVENT_ID_HEADER} header. */
    static ProducerRecord<String, String> eventRecord(String topic, UUID key, UUID eventId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), value);
        record.headers().add(PlanEvent.EVENT_ID_HEADER, eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
