package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.notifier.Inbox;
import dev.wellplan.testing.TestEvents;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.notifier.reminder.schedule.ReminderSchedule;
import dev.wellplan.reminders.ReminderPolicy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Invariant 4 under an SMTP outage: mail waits, goes out when the server is back, and only once. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class SmtpOutageTest {

    @Inject
    ReminderSchedule schedule;

    @Inject
    ReminderPolicy policy;

    @Inject
    Jdbi jdbi;

    @AfterEach
    void smtpBack() {
        RealServers.smtp();
    }

    private ReminderRow welcome(UUID planId) {
        return jdbi.onDemand(ReminderDao.class).findByPlan(planId).stream()
                .filter(r -> r.kind().equals("WELCOME")).findFirst().orElseThrow();
    }

    @Test
    void reminders_due_while_smtp_is_down_are_retried_and_sent_once_it_is_back() {
        UUID planId = UUID.randomUUID();
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                java.time.Instant.now(), List.of());
        String address = event.plan().client().email();

        RealServers.stopSmtp();
        schedule.reconcile(event, policy.desired(event));

        await().atMost(Duration.ofSeconds(60)).until(() -> welcome(planId).attempts() >= 2);
        ReminderRow waiting = welcome(planId);
        assertThat(waiting.status()).as("still queued, not lost").isEqualTo("SCHEDULED");
        assertThat(waiting.lastError()).isNotBlank();

        RealServers.smtp();
        await().atMost(Duration.ofSeconds(60)).until(() -> welcome(planId).status().equals("SENT"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Inbox.to(address).isEmpty());
        assertThat(Inbox.to(address)).as("sent once").hasSize(1);
    }
}
