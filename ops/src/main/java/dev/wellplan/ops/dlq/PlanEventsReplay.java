package dev.wellplan.ops.dlq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes dead letters back to the plan-events topic as the outbox relay published them: the same key (so the
 * same partition, in order behind the plan's other events), the same value, the {@code wellplan-event-*} headers.
 * This is safe because the notifier is idempotent: an event it already applied is skipped by its id, one older than
 * the plan's applied version by its version. A record that is still poison goes to the dead-letter topic again.
 */
final class PlanEventsReplay {

    private final KafkaOptions kafka;
    private final String topic;

    PlanEventsReplay(KafkaOptions kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    /** Publishes them in order and returns where each landed, once the brokers acknowledged all of them. */
    List<RecordMetadata> publish(List<DeadLetter> letters) {
        Map<String, Object> config = kafka.clientConfig("wellplan-ops-replay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.timeout().toMillis());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (DeadLetter letter : letters) {
                sent.add(producer.send(letter.replayTo(topic)));
            }
            producer.flush();
            List<RecordMetadata> landed = new ArrayList<>();
            for (Future<RecordMetadata> f : sent) {
                landed.add(acknowledged(f));
            }
            return landed;
        }
    }

    private static RecordMetadata acknowledged(Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (ExecutionException e) {
            throw new KafkaException("the broker did not take a replayed record: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while replaying", e);
        }
    }
}
