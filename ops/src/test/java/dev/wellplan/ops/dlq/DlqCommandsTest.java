package dev.wellplan.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.ops.OpsRun;
import dev.wellplan.stack.KafkaBroker;
import dev.wellplan.testing.TestEvents;

/**
 * {@code ./wellplan dlq list} and {@code replay} against a real Kafka broker. The dead letters are written as the
 * notifier's connector writes them: the original key, value and headers plus the {@code dead-letter-*} headers. Each
 * test has topics of its own.
 */
class DlqCommandsTest {

    private static final AtomicInteger TOPICS = new AtomicInteger();
    /** As the notifier writes it: its JSON parser quotes the token it failed on, a piece of the payload. */
    private static final String UNREADABLE = "not a readable plan event: Unrecognized token 'Ana': was expecting "
            + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
    private static KafkaBroker kafka;
    private static KafkaProducer<String, String> producer;

    private String topic;
    private String dlq;

    @BeforeAll
    static void broker() {
        kafka = KafkaBroker.startTemporary().waitUntilReady();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void topics() {
        topic = "plan-events-" + TOPICS.incrementAndGet();
        dlq = topic + ".dlq";
    }

    // ---------------------------------------------------------------- list

    @Test
    void list_shows_where_each_record_is_whose_it_is_and_why_it_failed_but_none_of_its_personal_data()
            throws Exception {
        PlanEvent event = event(UUID.randomUUID(), 1);
        RecordMetadata unknownZone = deadLetter(event, "Unknown time-zone ID: Mars/Olympus");
        RecordMetadata notJson = deadLetter("Ana Souza", "{\"client\": \"Ana Souza\", \"pain\": \"lower back\"}",
                List.of(), UNREADABLE);

        OpsRun list = dlq("list");

        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(dlq + " at " + kafka.bootstrapServers() + ": 2 records wait",
                position(unknownZone) + " ", position(notJson) + " ", event.planId().toString(),
                event.eventId().toString(), "PlanCreated", "Unknown time-zone ID: Mars/Olympus",
                "not a readable plan event: Unrecognized token '...': was expecting", "(not a plan id)",
                "./wellplan dlq replay --offset");
        assertThat(list.out()).doesNotContain("Test Client", "@example.com", "Ana", "lower back",
                "the cause's second line");
    }

    @Test
    void a_dead_letter_topic_that_was_never_written_has_nothing_waiting() {
        OpsRun list = dlq("list");

        assertThat(list.exit()).isZero();
        assertThat(list.out()).isEqualTo(dlq + " at " + kafka.bootstrapServers() + ": no record waits\n");
        assertThat(partitionsOf(dlq)).as("listing does not create the topic").isEmpty();
    }

    // ---------------------------------------------------------------- replay

    @Test
    void replay_publishes_the_chosen_record_with_its_key_value_and_event_headers_and_a_dry_run_publishes_none()
            throws Exception {
        PlanEvent first = event(UUID.randomUUID(), 1);
        PlanEvent second = event(UUID.randomUUID(), 1);
        RecordMetadata a = deadLetter(first, "Unknown time-zone ID: Mars/Olympus");
        RecordMetadata b = deadLetter(second, "Unknown time-zone ID: Mars/Olympus");

        OpsRun dryRun = dlq("replay", "--offset", position(a), "--offset", position(b), "--dry-run");
        assertThat(dryRun.exit()).isZero();
        assertThat(dryRun.out()).contains("would replay 2 records to " + topic, first.eventId().toString(),
                second.eventId().toString());
        assertThat(partitionsOf(topic)).as("a dry run publishes nothing").isEmpty();

        OpsRun replay = dlq("replay", "--offset", position(b));

        assertThat(replay.exit()).isZero();
        assertThat(replay.out()).contains("replayed 1 record to " + topic, second.eventId().toString(),
                "./wellplan check --wait 60").doesNotContain(first.eventId().toString());
        assertThat(readAll(topic)).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(second.planId().toString());
            assertThat(r.value()).isEqualTo(PlanEventCodec.toJson(second));
            assertThat(headers(r)).containsExactly(
                    Map.entry(PlanEvent.EVENT_ID_HEADER, second.eventId().toString()),
                    Map.entry(PlanEvent.EVENT_TYPE_HEADER, "PlanCreated"));
        });
    }

    @Test
    void replay_all_publishes_every_record_in_order_and_leaves_the_dead_letter_topic_as_it_was() throws Exception {
        UUID plan = UUID.randomUUID();
        List<PlanEvent> events = List.of(event(plan, 1), event(plan, 2), event(plan, 3));
        for (PlanEvent event : events) {
            deadLetter(event, "Unknown time-zone ID: Mars/Olympus");
        }

        OpsRun replay = dlq("replay", "--all");

        assertThat(replay.exit()).isZero();
        assertThat(replay.out()).contains("replayed 3 records to " + topic);
        assertThat(readAll(topic)).extracting(ConsumerRecord::value)
                .containsExactlyElementsOf(events.stream().map(PlanEventCodec::toJson).toList());
        assertThat(dlq("list").out()).contains("3 records wait");
    }

    @Test
    void replay_of_a_position_that_holds_no_record_replays_nothing() throws Exception {
        RecordMetadata a = deadLetter(event(UUID.randomUUID(), 1), "Unknown time-zone ID: Mars/Olympus");
        String missing = a.partition() + ":" + (a.offset() + 5);

        OpsRun replay = dlq("replay", "--offset", position(a) + "," + missing);

        assertThat(replay.exit()).isEqualTo(2);
        assertThat(replay.err()).contains("no record at [" + missing + "] on " + dlq, "nothing replayed");
        assertThat(partitionsOf(topic)).isEmpty();
    }

    // ---------------------------------------------------------------- the command line

    @Test
    void replay_needs_exactly_one_way_to_choose_and_positions_in_the_form_list_prints() {
        assertThat(OpsRun.of("dlq", "replay")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("--all", "--offset");
        });
        assertThat(OpsRun.of("dlq", "replay", "--all", "--offset", "0:1")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("mutually exclusive");
        });
        assertThat(OpsRun.of("dlq", "replay", "--offset", "zero")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("'zero' is not PARTITION:OFFSET");
        });
        assertThat(OpsRun.of("dlq", "replay", "--offset", "0:-1").exit()).isEqualTo(2);
        assertThat(OpsRun.of("dlq").err()).contains("name a command: list or replay");
        assertThat(OpsRun.of("dlq", "--help").out()).contains("usage: wellplan dlq", "list", "replay");
        assertThat(OpsRun.of("dlq", "replay", "--help").out()).contains("--dry-run", "--bootstrap-server",
                "--dlq-topic", "--topic", "--timeout");
    }

    @Test
    void a_broker_that_cannot_be_reached_is_reported_after_the_timeout() {
        OpsRun list = OpsRun.of("dlq", "list", "--bootstrap-server", "localhost:1", "--timeout", "2");

        assertThat(list.exit()).isEqualTo(2);
        assertThat(list.err()).startsWith("wellplan dlq: could not read plan-events.dlq at localhost:1: ");
    }

    // ---------------------------------------------------------------- fixtures

    private OpsRun dlq(String command, String... options) {
        List<String> args = new ArrayList<>(List.of("dlq", command, "--bootstrap-server", kafka.bootstrapServers(),
                "--dlq-topic", dlq));
        if (command.equals("replay")) {
            args.addAll(List.of("--topic", topic));
        }
        args.addAll(List.of(options));
        return OpsRun.of(args.toArray(String[]::new));
    }

    private static PlanEvent event(UUID plan, long version) {
        PlanEventType type = version == 1 ? PlanEventType.PlanCreated : PlanEventType.PlanAdjusted;
        return TestEvents.event(plan, version, type, "ACTIVE", "Europe/Lisbon", Instant.parse("2026-12-01T10:00:00Z"),
                List.of(TestEvents.massage("massage-1", LocalDateTime.parse("2026-12-08T10:00:00"))));
    }

    /** A plan event the notifier refused, as its connector dead-letters it. */
    private RecordMetadata deadLetter(PlanEvent event, String reason) throws Exception {
        return deadLetter(event.planId().toString(), PlanEventCodec.toJson(event), List.of(
                header(PlanEvent.EVENT_ID_HEADER, event.eventId().toString()),
                header(PlanEvent.EVENT_TYPE_HEADER, event.type().name())), reason);
    }

    private RecordMetadata deadLetter(String key, String value, List<Header> original, String reason)
            throws Exception {
        List<Header> headers = new ArrayList<>(original);
        headers.add(header("dead-letter-reason", reason));
        headers.add(header("dead-letter-cause", "the cause's first line\nthe cause's second line"));
        headers.add(header("dead-letter-exception-class-name", "dev.wellplan.contract.InvalidPlanEventException"));
        headers.add(header("dead-letter-topic", topic));
        headers.add(header("dead-letter-partition", "0"));
        headers.add(header("dead-letter-offset", "7"));
        return producer.send(new ProducerRecord<>(dlq, null, key, value, headers)).get();
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String position(RecordMetadata m) {
        return m.partition() + ":" + m.offset();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitionsOf(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        }
    }

    /** Everything on {@code topic} up to its end offsets now (no consumer group: assign and seek). */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitionsOf(topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return records;
    }
}
