package dev.wellplan.notifier;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;

/**
 * Plans of one test client, as plan events on Kafka: a fresh plan id, client id and address per
 * instance, so tests sharing the servers never read each other's mail. No quiet hours, so an item
 * due now is reminded now.
 */
public final class ClientPlans {

    public static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");

    public final UUID planId = UUID.randomUUID();
    public final UUID clientId = UUID.randomUUID();
    public final String email;

    public ClientPlans() {
        this.email = "client-" + planId + "@example.com";
    }

    /** A new client (a new plan and client id) who enrolls with {@code email}: the same person again, say. */
    public ClientPlans(String email) {
        this.email = email;
    }

    public PlanSnapshot snapshot(long version, String status, String urgency, List<PlanSnapshot.Item> items) {
        return snapshot(version, status, urgency, null, items);
    }

    /** A snapshot of a plan assigned to {@code coachId} (null: the clinic's unassigned pool). */
    public PlanSnapshot snapshot(long version, String status, String urgency, String coachId,
                                 List<PlanSnapshot.Item> items) {
        LocalDate start = LocalDate.now(ZONE);
        return new PlanSnapshot(planId, version, status, new PlanSnapshot.Client(clientId, "Ana Souza", email),
                ZONE.getId(), start, start.plusDays(27), null, urgency, coachId, items);
    }

    /**
     * A new client's active plan, assigned to {@code coachId} (null: the pool), published and applied by the
     * notifier when this returns.
     */
    public static ClientPlans applied(String bootstrap, String coachId) throws Exception {
        return new ClientPlans().apply(bootstrap, coachId);
    }

    /** This client's active plan, assigned to {@code coachId}, published and applied by the notifier. */
    public ClientPlans apply(String bootstrap, String coachId) throws Exception {
        publish(bootstrap, event(PlanEventType.PlanCreated, snapshot(1, "ACTIVE", "NONE", coachId, activeItems())));
        await().atMost(Duration.ofSeconds(60)).until(() -> SignedIn.asAdmin()
                .get("/api/plans/" + planId + "/reminders").statusCode() == 200);
        return this;
    }

    public PlanEvent event(PlanEventType type, PlanSnapshot plan) {
        return new PlanEvent(UUID.randomUUID(), type, PlanEvent.SCHEMA_VERSION, planId, plan.version(), Instant.now(),
                new PlanEvent.Change(type == PlanEventType.PlanCreated ? null : "coach", null, false), plan);
    }

    public void publish(String bootstrap, PlanEvent event) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(PlanEvent.TOPIC, planId.toString(), PlanEventCodec.toJson(event))).get();
        }
    }

    /** Local wall-clock time in the client's zone, {@code minutes} from now (negative: in the past). */
    public static LocalDateTime inMinutes(long minutes) {
        return LocalDateTime.now(ZONE).plusMinutes(minutes).withSecond(0).withNano(0);
    }

    public static LocalDateTime inDays(long days, int hour, int minute) {
        return LocalDate.now(ZONE).plusDays(days).atTime(hour, minute);
    }

    public static PlanSnapshot.Item massage(String id, LocalDateTime start, String type) {
        return new PlanSnapshot.Item(id, "MASSAGE", start, 50,
                ("DEEP_TISSUE".equals(type) ? "Deep-tissue" : "Swedish") + " massage, 50 min, medium pressure", type,
                "MEDIUM", List.of(), List.of("MAS-1", "MAS-2", "MAS-3", "MAS-5"));
    }

    public static PlanSnapshot.Item item(String id, String kind, LocalDateTime start, int minutes, String... rules) {
        List<String> exercises = "STRENGTH".equals(kind)
                ? List.of("Glute bridge", "Bird dog", "Romanian deadlift (light)") : List.of();
        return new PlanSnapshot.Item(id, kind, start, minutes, null, null, null, exercises, List.of(rules));
    }

    /** An active plan: two sessions, their aftercare and check-ins, workouts, self-massage and the review. */
    public static List<PlanSnapshot.Item> activeItems() {
        return List.of(massage("massage-1", inDays(10, 10, 0), "SWEDISH"),
                item("massage-1-aftercare", "AFTERCARE", inDays(10, 11, 50), 15, "AFT-1"),
                item("massage-1-checkin-24h", "CHECK_IN", inDays(11, 10, 0), 5, "AFT-2"),
                item("strength-w2-d1", "STRENGTH", inDays(12, 7, 30), 30, "ACT-1"),
                item("self-massage-w2-d1", "SELF_MASSAGE", inDays(13, 19, 0), 10, "ACT-3"),
                massage("massage-2", inDays(24, 10, 0), "SWEDISH"),
                item("review", "REVIEW", inDays(27, 18, 0), 15, "LIF-2"));
    }
}
