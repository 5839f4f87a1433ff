package dev.wellplan.notifier.reminder.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.contract.ContractSchema;
import dev.wellplan.contract.DeliveryEvent;
import dev.wellplan.contract.DeliveryEventCodec;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.notifier.PlanEventTopic;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.notifier.reminder.schedule.ReminderSchedule;
import dev.wellplan.reminders.ReminderPolicy;
import dev.wellplan.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The notifier tells the planner about e-mails that failed for good: a reminder whose every SMTP attempt failed is
 * published once on {@code delivery-events}, as the contract says, and nothing is published for one that was sent.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class DeliveryEventsTest {

    @Inject
    ReminderSchedule schedule;

    @Inject
    ReminderPolicy policy;

    @Inject
    Jdbi jdbi;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void smtpBack() {
        RealServers.smtp();
    }

    @Test
    void a_reminder_that_fails_for_good_is_published_once_without_address_or_content() {
        UUID planId = UUID.randomUUID();
        PlanEvent plan = plan(planId);

        RealServers.stopSmtp();
        schedule.reconcile(plan, policy.desired(plan));
        // every attempt of wellplan.dispatch.max-attempts (5) fails, one backoff of 1 s, 2 s, 4 s, 8 s apart
        await().atMost(Duration.ofSeconds(90)).until(() -> "FAILED".equals(welcome(planId).status()));
        ReminderRow failed = welcome(planId);
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedRows(planId) == 1);

        List<ConsumerRecord<String, String>> records = deliveryEvents(planId);
        assertThat(records).as("one event for the plan").hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        DeliveryEvent event = DeliveryEventCodec.fromJson(record.value());
        assertThat(ContractSchema.deliveryViolations(record.value())).isEmpty();
        assertThat(record.key()).isEqualTo(planId.toString());
        assertThat(header(record, PlanEvent.EVENT_ID_HEADER)).isEqualTo(event.eventId().toString());
        assertThat(event.planId()).isEqualTo(planId);
        assertThat(event.reminderId()).isEqualTo(failed.id());
        assertThat(event.kind()).isEqualTo("WELCOME");
        assertThat(event.outcome()).isEqualTo(DeliveryEvent.FAILED);
        assertThat(event.occurredAt()).isNotNull();
        assertThat(fieldNames(record.value()))
                .containsExactlyInAnyOrder("eventId", "planId", "reminderId", "kind", "outcome", "occurredAt");
        assertThat(record.value()).doesNotContain(plan.plan().client().email(), plan.plan().client().name());

        // the row is written FAILED again (an operator's note): still one event
        jdbi.useHandle(h -> h.execute("UPDATE notifier.reminder SET status = 'FAILED', last_error = 'noted' "
                + "WHERE id = ?", failed.id()));
        assertThat(outboxRows(planId)).isEqualTo(1);
    }

    @Test
    void a_reminder_that_is_sent_is_not_published() {
        UUID planId = UUID.randomUUID();
        PlanEvent plan = plan(planId);

        schedule.reconcile(plan, policy.desired(plan));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(welcome(planId).status()));

        assertThat(outboxRows(planId)).as("nothing to tell the planner").isZero();
        assertThat(deliveryEvents(planId)).isEmpty();
    }

    @Test
    void a_failure_that_rolls_back_leaves_no_event() {
        UUID planId = UUID.randomUUID();
        String reminderId = planId + ":welcome";
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO notifier.reminder (id, plan_id, kind, due_at, local_time, time_zone, plan_version, status,
                                               created_at, updated_at)
                VALUES (?, ?, 'WELCOME', ?, '2030-01-01T10:00', 'Europe/Lisbon', 1, 'SCHEDULED', now(), now())""",
                reminderId, planId, Instant.parse("2030-01-01T10:00:00Z")));

        QuarkusTransaction.begin();
        jdbi.useHandle(h -> h.execute("UPDATE notifier.reminder SET status = 'FAILED' WHERE id = ?", reminderId));
        assertThat(outboxRows(planId)).as("written by the same statement").isEqualTo(1);
        QuarkusTransaction.rollback();

        assertThat(outboxRows(planId)).isZero();
        jdbi.useHandle(h -> h.execute("DELETE FROM notifier.reminder WHERE id = ?", reminderId));
    }

    private static PlanEvent plan(UUID planId) {
        return TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon", Instant.now(),
                List.of());
    }

    private ReminderRow welcome(UUID planId) {
        return jdbi.onDemand(ReminderDao.class).findByPlan(planId).stream()
                .filter(r -> r.kind().equals("WELCOME")).findFirst().orElseThrow();
    }

    private long outboxRows(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifier.delivery_outbox WHERE plan_id = ?")
                .bind(0, planId).mapTo(Long.class).one());
    }

    private long publishedRows(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) FROM notifier.delivery_outbox WHERE plan_id = ? AND published_at IS NOT NULL""")
                .bind(0, planId).mapTo(Long.class).one());
    }

    private List<ConsumerRecord<String, String>> deliveryEvents(UUID planId) {
        return PlanEventTopic.records(bootstrap, DeliveryEvent.TOPIC).stream()
                .filter(r -> planId.toString().equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> fieldNames(String json) {
        JsonNode tree = ContractSchema.parse(json);
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
