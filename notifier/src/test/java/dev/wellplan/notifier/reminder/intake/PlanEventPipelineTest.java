package dev.wellplan.notifier.reminder.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.notifier.PlanEventTopic;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.SignedIn;
import dev.wellplan.notifier.reminder.mail.MailComposer;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PlanEventPipelineTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Jdbi jdbi;

    private void publish(String key, String value) throws Exception {
        PlanEventTopic.publish(bootstrap, key, value);
    }

    private static List<MimeMessage> mailTo(String address) {
        return RealServers.mailTo(address);
    }

    @Test
    void a_plan_event_becomes_reminders_and_a_welcome_email_sent_once() throws Exception {
        UUID planId = UUID.randomUUID();
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon", Instant.now(),
                List.of(TestEvents.strength("strength-1", LocalDateTime.now().plusDays(3).withHour(7).withMinute(30))));

        publish(planId.toString(), PlanEventCodec.toJson(event));
        publish(planId.toString(), PlanEventCodec.toJson(event)); // a duplicate delivery

        String address = event.plan().client().email();
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailTo(address).isEmpty());
        MimeMessage welcome = mailTo(address).get(0);
        assertThat(welcome.getSubject()).contains("four-week");
        assertThat(welcome.getHeader("Message-ID")[0])
                .isEqualTo(MailComposer.messageId(planId + ":plan:welcome"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> SignedIn.asAdmin().when().get("/api/plans/" + planId + "/reminders")
                .then().statusCode(200).extract().jsonPath().getList("status").contains("SENT"));
        List<String> kinds = SignedIn.asAdmin().when().get("/api/plans/" + planId + "/reminders").then().statusCode(200)
                .extract().jsonPath().getList("kind");
        assertThat(kinds).containsExactlyInAnyOrder("WELCOME", "STRENGTH_DAY");
        assertThat(mailTo(address)).as("welcome sent once despite the duplicate event").hasSize(1);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_later_records_still_apply() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        publish(poisonKey, "{ this is not a plan event");
        UUID planId = UUID.randomUUID();
        PlanEvent good = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon", Instant.now(), List.of());
        publish(planId.toString(), PlanEventCodec.toJson(good));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> SignedIn.asAdmin().when().get("/api/plans/" + planId + "/reminders")
                .then().statusCode(200));

        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            PlanEventTopic.deadLetters(bootstrap).stream().filter(r -> poisonKey.equals(r.key())).forEach(dead::add);
            return !dead.isEmpty();
        });
        var reason = dead.get(0).headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not a readable plan event");
    }

    @Test
    void a_valid_event_outlasts_a_database_fault_and_is_applied_not_dead_lettered() throws Exception {
        UUID planId = UUID.randomUUID();
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.now().plus(Duration.ofDays(30)), List.of());
        DatabaseFault fault = DatabaseFault.onProcessedMarkOf(jdbi, planId);
        try {
            publish(planId.toString(), PlanEventCodec.toJson(event));
            // three failed transactions: the consumer is retrying, and neither gave up nor dead-lettered the event
            await().atMost(Duration.ofSeconds(30)).until(() -> fault.failures() >= 3);
            assertThat(outcomes(List.of(event.eventId()))).isEmpty();
        } finally {
            fault.clear();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(List.of(event.eventId())).equals(List.of("APPLIED")));
        assertThat(PlanEventTopic.deadLetters(bootstrap)).extracting(ConsumerRecord::key).doesNotContain(planId.toString());
    }

    @Test
    void each_plan_s_events_are_applied_in_the_order_published() throws Exception {
        // Plans spread over the topic's partitions, each plan's five versions published back to back: were two
        // records of one partition ever applied concurrently or out of order (say, the consumer made unordered
        // without an ordering of its own), a version would land after a newer one and be found STALE.
        List<UUID> plans = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        Instant at = Instant.now().plus(Duration.ofDays(30)); // nothing falls due while the test looks
        LocalDateTime strength = LocalDateTime.now().plusDays(40).withHour(7).withMinute(30).withSecond(0).withNano(0);
        try (KafkaProducer<String, String> producer = PlanEventTopic.producer(bootstrap)) {
            for (int p = 0; p < 12; p++) {
                UUID planId = UUID.randomUUID();
                plans.add(planId);
                for (long version = 1; version <= 5; version++) {
                    PlanEvent event = TestEvents.event(planId, version,
                            version == 1 ? PlanEventType.PlanCreated : PlanEventType.PlanAdjusted, "ACTIVE",
                            "Europe/Lisbon", at, List.of(TestEvents.strength("strength-1", strength.plusDays(version))));
                    events.add(event.eventId());
                    producer.send(new ProducerRecord<>(PlanEvent.TOPIC, planId.toString(), PlanEventCodec.toJson(event)));
                }
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes(events).size() == events.size());
        assertThat(outcomes(events)).as("every version applied, none found older than one applied before it")
                .containsOnly("APPLIED");
        for (UUID planId : plans) {
            // each move names a new start, so each version's reminder was added and the one before it cancelled
            assertThat(jdbi.onDemand(ReminderDao.class).findByPlan(planId))
                    .filteredOn(r -> r.kind().equals("STRENGTH_DAY"))
                    .as("plan %s ends on its newest version", planId)
                    .extracting(ReminderRow::localTime, ReminderRow::status)
                    .containsExactly(tuple(strength.plusDays(1), "CANCELLED"), tuple(strength.plusDays(2), "CANCELLED"),
                            tuple(strength.plusDays(3), "CANCELLED"), tuple(strength.plusDays(4), "CANCELLED"),
                            tuple(strength.plusDays(5), "SCHEDULED"));
        }
    }

    private List<String> outcomes(List<UUID> eventIds) {
        return jdbi.withHandle(h -> h.createQuery("SELECT outcome FROM notifier.processed_event WHERE event_id = ANY(:ids)")
                .bindArray("ids", UUID.class, eventIds.toArray()).mapTo(String.class).list());
    }

    @Test
    void unknown_plan_is_a_404_problem() {
        SignedIn.asAdmin().when().get("/api/plans/" + UUID.randomUUID() + "/reminders").then().statusCode(404)
                .contentType("application/problem+json");
        SignedIn.asAdmin().when().get("/api/plans/nope/reminders").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
