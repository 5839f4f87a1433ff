package dev.wellplan.notifier.reminder.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventContract;
import dev.wellplan.notifier.PlanEventTopic;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderPolicy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract's golden samples, the events the planner is held to, go through the notifier's real intake (Kafka,
 * consumer, ledger): each is applied, none is dead-lettered, and each plan's ledger holds exactly the reminders the
 * policy asks for. A sample the notifier could not read would fail here, not on the topic.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class GoldenSampleIntakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Jdbi jdbi;

    @Inject
    ReminderPolicy policy;

    @Test
    void every_golden_sample_is_applied_with_exactly_the_reminders_its_plan_asks_for() throws Exception {
        Map<String, String> samples = PlanEventContract.SAMPLE_NAMES.stream()
                .collect(Collectors.toMap(Function.identity(), name -> onItsOwnPlan(PlanEventContract.sample(name))));
        for (String json : samples.values()) {
            PlanEvent event = PlanEventCodec.fromJson(json);
            PlanEventTopic.publish(bootstrap, event.planId().toString(), json);
        }

        samples.forEach((name, json) -> {
            PlanEvent event = PlanEventCodec.fromJson(json);
            await().atMost(Duration.ofSeconds(60)).until(() -> outcome(event.eventId()) != null);
            assertThat(outcome(event.eventId())).as(name).isEqualTo("APPLIED");
            assertThat(jdbi.onDemand(ReminderDao.class).findByPlan(event.planId())).as(name)
                    .extracting(ReminderRow::id)
                    .containsExactlyInAnyOrderElementsOf(policy.desired(event).stream().map(DesiredReminder::key).toList());
        });
        List<String> planIds = samples.values().stream().map(json -> PlanEventCodec.fromJson(json).planId().toString())
                .toList();
        assertThat(PlanEventTopic.deadLetters(bootstrap)).extracting(ConsumerRecord::key)
                .doesNotContainAnyElementsOf(planIds);
    }

    /**
     * The sample as published, but with a plan and event id of its own: three samples are versions of one plan, and
     * each is checked against its own ledger, not one that a newer version has already reconciled.
     */
    private static String onItsOwnPlan(String sample) {
        PlanEvent golden = PlanEventCodec.fromJson(sample);
        return sample.replace(golden.planId().toString(), UUID.randomUUID().toString())
                .replace(golden.eventId().toString(), UUID.randomUUID().toString());
    }

    private String outcome(UUID eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT outcome FROM notifier.processed_event WHERE event_id = :id")
                .bind("id", eventId).mapTo(String.class).findOne().orElse(null));
    }
}
