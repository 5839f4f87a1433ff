package dev.wellplan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private static final Duration READY = Duration.ofSeconds(120);

    @Test
    void roundTripsARecordAndSurvivesKillAndRestart() throws Exception {
        KafkaBroker kafka = KafkaBroker.startTemporary().waitUntilReady(READY);
        Path dir = kafka.directory();
        try {
            int port = kafka.port();
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + port);
            assertThat(kafka.controllerPort()).isNotEqualTo(port);

            String topic = "plan-events";
            RecordMetadata sent;
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                sent = producer.send(new ProducerRecord<>(topic, "plan-1", "{\"version\":1}")).get();
            }
            assertThat(consumeAll(kafka, topic, 1)).extracting(ConsumerRecord::value).containsExactly("{\"version\":1}");

            long oldPid = kafka.pid();
            kafka.kill();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(ProcessHandle.of(oldPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Ports.isListening(port)).isFalse();

            kafka.start().waitUntilReady(READY);
            assertThat(kafka.pid()).isNotEqualTo(oldPid);
            assertThat(kafka.port()).isEqualTo(port);

            List<ConsumerRecord<String, String>> again = consumeAll(kafka, topic, 1);
            assertThat(again).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("plan-1");
                assertThat(r.value()).isEqualTo("{\"version\":1}");
                assertThat(r.partition()).isEqualTo(sent.partition());
                assertThat(r.offset()).isEqualTo(sent.offset());
            });
            assertThat(dir.resolve("kafka.log")).content().contains("Kafka Server started");
            assertThat(dir.resolve("data/meta.properties")).exists();
        } finally {
            kafka.close();
        }
        assertThat(kafka.isRunning()).isFalse();
        assertThat(dir).doesNotExist();
    }

    private static KafkaProducer<String, String> producer(KafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000"),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the beginning (no consumer group: assign + seek) until {@code expected} records. */
    private static List<ConsumerRecord<String, String>> consumeAll(KafkaBroker kafka, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
