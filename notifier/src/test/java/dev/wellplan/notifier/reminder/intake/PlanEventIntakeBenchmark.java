package dev.wellplan.notifier.reminder.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.ProcessCpu;
import dev.wellplan.notifier.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How many plan events per second the notifier's Kafka consumer applies: N {@code PlanCreated} events
 * (a four-week plan each, 26 items and so 27 reminders, with a snapshot of about 6 KB) are published
 * at once to the real broker, keyed by plan id over the topic's partitions, and the clock runs until
 * the processed-event log holds every one of them. A warm-up batch goes first so the consumer is
 * assigned its partitions and the JIT has seen the path.
 *
 * <p>Each event is stamped a day ahead, so its welcome is not due while the benchmark runs and the
 * dispatcher stays idle: the figure is the consumer's alone. Besides the rate it prints the CPU time
 * per event of this JVM, the PostgreSQL server and the Kafka broker, which depends much less than the
 * rate on what else the (shared) machine runs.
 *
 * <p>Not part of the default test run:
 * {@code mvn -B -f notifier/pom.xml test -Pbench -Dtest=PlanEventIntakeBenchmark}; sizes are
 * system properties {@code bench.events} (default 2,000) and {@code bench.warmup} (default 500).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
@Tag("benchmark")
class PlanEventIntakeBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 2_000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 500);
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Jdbi jdbi;

    @Test
    void plan_events_applied_per_second() throws Exception {
        List<PlanEvent> warmUp = events(WARM_UP);
        List<PlanEvent> measured = events(EVENTS);
        int reminders = 1 + measured.get(0).plan().items().size();
        int bytes = PlanEventCodec.toJson(measured.get(0)).length();

        try (KafkaProducer<String, String> producer = producer()) {
            Instant since = Instant.now();
            publish(producer, warmUp);
            awaitApplied(warmUp, since, System.nanoTime());

            String loadBefore = ProcessCpu.loadAverage();
            ProcessCpu cpuBefore = ProcessCpu.now(jdbi);
            since = Instant.now();
            long t0 = System.nanoTime();
            publish(producer, measured);
            double published = (System.nanoTime() - t0) / 1e9;
            double seconds = awaitApplied(measured, since, t0);
            ProcessCpu used = ProcessCpu.now(jdbi).minus(cpuBefore);

            long ledger = jdbi.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM notifier.reminder WHERE plan_id = ANY(:plans)")
                    .bindArray("plans", UUID.class, measured.stream().map(PlanEvent::planId).toArray())
                    .mapTo(Long.class).one());
            assertThat(ledger).as("every event's reminders in the ledger").isEqualTo((long) EVENTS * reminders);

            System.out.printf("""
                    [bench] plan-event intake: %d PlanCreated events (%d reminders each, snapshot %d bytes), \
                    published in %.2f s, all applied in %.2f s: %.1f events/s, %.0f reminders/s \
                    (load before %s, after %s)%n""",
                    EVENTS, reminders, bytes, published, seconds, EVENTS / seconds, EVENTS * reminders / seconds,
                    loadBefore, ProcessCpu.loadAverage());
            // The machine is shared, so the rate depends on what else runs; CPU time per event does much less.
            System.out.printf("[bench] %s%n", used.perUnit(EVENTS, "event"));
        }
    }

    /**
     * Waits until every event is in the processed-event log; returns the seconds since {@code t0}. It polls
     * with a cheap count of what was processed since {@code since} (nothing else publishes meanwhile), and
     * checks the events themselves once that count is reached: counting 2,000 ids at every poll would take
     * the database time the consumer is being measured on.
     */
    private double awaitApplied(List<PlanEvent> events, Instant since, long t0) throws InterruptedException {
        Object[] ids = events.stream().map(PlanEvent::eventId).toArray();
        long deadline = t0 + TIMEOUT.toNanos();
        long lastReport = System.nanoTime();
        while (true) {
            long done = jdbi.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM notifier.processed_event WHERE processed_at >= :since")
                    .bind("since", since).mapTo(Long.class).one());
            long now = System.nanoTime();
            if (done >= events.size() && jdbi.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM notifier.processed_event WHERE event_id = ANY(:ids)")
                    .bindArray("ids", UUID.class, ids).mapTo(Long.class).one()) == events.size()) {
                return (now - t0) / 1e9;
            }
            if (now > deadline) {
                throw new AssertionError("only " + done + " of " + events.size() + " events applied in " + TIMEOUT);
            }
            if (now - lastReport > 10_000_000_000L) {
                System.out.printf("[bench] %d of %d applied after %.1f s%n", done, events.size(), (now - t0) / 1e9);
                lastReport = now;
            }
            Thread.sleep(100);
        }
    }

    private static void publish(KafkaProducer<String, String> producer, List<PlanEvent> events) {
        for (PlanEvent event : events) {
            producer.send(new ProducerRecord<>(PlanEvent.TOPIC, event.planId().toString(), PlanEventCodec.toJson(event)));
        }
        producer.flush();
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props);
    }

    private static List<PlanEvent> events(int n) {
        List<PlanEvent> out = new ArrayList<>(n);
        LocalDate start = LocalDate.now(ZONE).plusDays(7);
        // a day ahead: no welcome falls due while the benchmark runs (see the class comment)
        Instant occurredAt = Instant.now().plus(Duration.ofDays(1));
        for (int i = 0; i < n; i++) {
            UUID planId = UUID.randomUUID();
            PlanSnapshot plan = new PlanSnapshot(planId, 1, "ACTIVE",
                    new PlanSnapshot.Client(UUID.randomUUID(), "Bench Client " + i, "client-" + planId + "@bench.wellplan.test"),
                    ZONE.getId(), start, start.plusDays(27), new PlanSnapshot.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)),
                    "NONE", fourWeeks(start));
            out.add(new PlanEvent(UUID.randomUUID(), PlanEventType.PlanCreated, PlanEvent.SCHEMA_VERSION, planId, 1,
                    occurredAt, new PlanEvent.Change(null, null, false), plan));
        }
        return out;
    }

    /** The four weeks the rules make: two sessions with aftercare and check-ins, workouts, self-massage, review. */
    static List<PlanSnapshot.Item> fourWeeks(LocalDate start) {
        List<PlanSnapshot.Item> out = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            LocalDateTime at = start.plusDays(1 + 14L * (s - 1)).atTime(10, 0);
            out.add(new PlanSnapshot.Item("massage-" + s, "MASSAGE", at, 50, "Swedish massage (medium pressure)",
                    "SWEDISH", "MEDIUM", List.of(), List.of("MAS-1", "MAS-2", "MAS-3", "MAS-5")));
            out.add(new PlanSnapshot.Item("massage-" + s + "-aftercare", "AFTERCARE", at.plusMinutes(110), 15,
                    "Aftercare", null, null, List.of(), List.of("AFT-1")));
            out.add(new PlanSnapshot.Item("massage-" + s + "-checkin-24h", "CHECK_IN", at.plusDays(1), 5, "Check-in",
                    null, null, List.of(), List.of("AFT-2")));
            out.add(new PlanSnapshot.Item("massage-" + s + "-checkin-48h", "CHECK_IN", at.plusDays(2), 5, "Check-in",
                    null, null, List.of(), List.of("AFT-3")));
        }
        for (int week = 1; week <= 4; week++) {
            for (int day = 1; day <= 2; day++) {
                LocalDate date = start.plusDays(7L * (week - 1) + (day == 1 ? 2 : 4));
                out.add(new PlanSnapshot.Item("strength-w" + week + "-d" + day, "STRENGTH", date.atTime(7, 30), 30,
                        "Posterior-chain strength", null, null,
                        List.of("Glute bridge", "Bird dog", "Romanian deadlift (light)"), List.of("ACT-1", "ACT-2")));
                out.add(new PlanSnapshot.Item("self-massage-w" + week + "-d" + day, "SELF_MASSAGE",
                        date.plusDays(1).atTime(19, 0), 10, "Self-massage", null, null, List.of(), List.of("ACT-3")));
            }
        }
        out.add(new PlanSnapshot.Item("checkin-w3", "CHECK_IN", start.plusDays(20).atTime(18, 0), 5, "Mid-plan check-in",
                null, null, List.of(), List.of("LIF-1")));
        out.add(new PlanSnapshot.Item("review", "REVIEW", start.plusDays(27).atTime(18, 0), 15, "Four-week review",
                null, null, List.of(), List.of("LIF-2")));
        return out;
    }
}
