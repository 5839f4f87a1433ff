package dev.wellplan.planner.alert.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.wellplan.contract.DeliveryEvent;
import dev.wellplan.contract.DeliveryEventCodec;
import dev.wellplan.contract.InvalidDeliveryEventException;
import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.alert.app.Alerts;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the notifier's delivery events ({@code delivery-events}) into the coach's alerts: an e-mail that failed for
 * good raises a {@link AlertKind#DELIVERY_FAILED} alert on its plan, once per reminder however often the event is
 * read. The planner learns of failures this way, never by reading the notifier's tables. One consumer thread per
 * instance, in one consumer group, so each event is read by one planner; offsets are committed after the alerts are
 * stored (at least once). A record that is not a delivery event goes to {@code delivery-events.dlq} and the consumer
 * goes on; a database that is away is waited for, the record read again.
 */
@ApplicationScoped
public class DeliveryFailures {

    private static final Logger LOG = Logger.getLogger(DeliveryFailures.class);
    /** The planner's consumer group on the delivery events. */
    public static final String GROUP = "wellplan-planner-delivery";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Alerts alerts;
    private final Producer<String, String> deadLetters;
    private final String bootstrapServers;
    private final boolean enabled;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public DeliveryFailures(Alerts alerts, Producer<String, String> deadLetters,
                            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                            @ConfigProperty(name = "wellplan.deliveries.enabled", defaultValue = "true") boolean enabled) {
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            LOG.info("delivery events are not read (wellplan.deliveries.enabled=false)");
            return;
        }
        consumer = new KafkaConsumer<>(properties());
        running = true;
        thread = new Thread(this::run, "delivery-failures");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            thread.join(5_000);
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "wellplan-planner-deliveries");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private void run() {
        try (KafkaConsumer<String, String> reading = consumer) {
            reading.subscribe(List.of(DeliveryEvent.TOPIC));
            while (running) {
                ConsumerRecords<String, String> records = reading.poll(POLL);
                for (TopicPartition partition : records.partitions()) {
                    apply(records.records(partition));
                }
                commit();
            }
        } catch (WakeupException stopping) {
            LOG.debug("delivery events: stopped");
        }
    }

    /**
     * Applies a partition's records in order. On a fault that is not the record's (the database or the dead-letter
     * topic away), seeks back to the record, so that it and those after it are read again, and waits a little.
     */
    private void apply(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                apply(record);
            } catch (RuntimeException fault) {
                LOG.warnf("delivery events: %s at %s-%d:%d, read again in %s", fault.getClass().getName(),
                        record.topic(), record.partition(), record.offset(), RETRY);
                consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
                pause();
                return;
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        DeliveryEvent event;
        try {
            event = DeliveryEventCodec.fromJson(record.value());
        } catch (InvalidDeliveryEventException poison) {
            deadLetter(record, poison);
            return;
        }
        if (!DeliveryEvent.FAILED.equals(event.outcome())) {
            return; // an outcome this planner does not know yet: nothing to alert (additive contract)
        }
        alerts.raise(event.planId(), AlertKind.DELIVERY_FAILED, event.reminderId(), event.kind(), null);
    }

    /** Commits what was applied; a failed commit (a rebalance) only means some records are read, and applied, again. */
    private void commit() {
        try {
            consumer.commitSync();
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (RuntimeException e) {
            LOG.warnf("delivery events: commit failed (%s); records may be read again", e.getClass().getName());
        }
    }

    /** The record as it came, with why, on the dead-letter topic; its value is never logged. */
    private void deadLetter(ConsumerRecord<String, String> record, InvalidDeliveryEventException why) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(DeliveryEvent.DEAD_LETTER_TOPIC, record.key(),
                record.value());
        record.headers().forEach(dead.headers()::add);
        dead.headers().add("dead-letter-reason", String.valueOf(why.getMessage()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dead).get();
            LOG.warnf("delivery events: %s-%d:%d is not a delivery event; dead-lettered", record.topic(),
                    record.partition(), record.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the dead-letter topic is not reachable", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
