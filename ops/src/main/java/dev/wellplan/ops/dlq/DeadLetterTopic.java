package dev.wellplan.ops.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the whole dead-letter topic as it stands: every partition from its beginning up to the end offsets seen at
 * the start. It joins no consumer group and commits nothing (assign and seek), so it takes no partition from anyone
 * and leaves no trace to clean up; it never creates the topic.
 */
final class DeadLetterTopic {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaOptions kafka;

    DeadLetterTopic(KafkaOptions kafka) {
        this.kafka = kafka;
    }

    /** Every record, by partition and offset; empty when the topic does not exist (nothing was ever dead-lettered). */
    List<DeadLetter> readAll() {
        Map<String, Object> config = kafka.clientConfig("wellplan-ops-dlq");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return readUpTo(consumer, consumer.endOffsets(partitions, kafka.timeout()));
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<PartitionInfo> found = consumer.partitionsFor(kafka.deadLetterTopic, kafka.timeout());
        return found == null ? List.of() : found.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private List<DeadLetter> readUpTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        List<DeadLetter> letters = new ArrayList<>();
        long deadline = System.nanoTime() + kafka.timeout().toNanos();
        while (!reached(consumer, end)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("read only " + letters.size() + " records of " + kafka.deadLetterTopic
                        + " in " + kafka.timeout().toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                // a record dead-lettered while we read belongs to the next listing
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    letters.add(DeadLetter.of(r));
                }
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::position));
        return letters;
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
