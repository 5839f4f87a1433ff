package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
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

/** After downtime, a reminder past its kind's grace window is skipped, never a flood of stale mail. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class StaleReminderTest {

    @Inject
    ReminderSchedule schedule;

    @Inject
    ReminderPolicy policy;

    @Inject
    Jdbi jdbi;

    private String status(UUID planId, String kind) {
        return jdbi.onDemand(ReminderDao.class).findByPlan(planId).stream().filter(r -> r.kind().equals(kind))
                .map(ReminderRow::status).findFirst().orElse(null);
    }

    @Test
    void a_workout_reminder_two_days_late_is_skipped_while_a_late_welcome_still_goes_out() {
        UUID planId = UUID.randomUUID();
        LocalDateTime twoDaysAgo = LocalDateTime.now(ZoneId.of("Europe/Lisbon")).minusDays(2).withHour(12).withMinute(0);
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.now().minus(Duration.ofHours(20)), List.of(TestEvents.strength("strength-1", twoDaysAgo)));

        schedule.reconcile(event, policy.desired(event));

        await().atMost(Duration.ofSeconds(60)).until(() -> "SKIPPED".equals(status(planId, "STRENGTH_DAY")));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(planId, "WELCOME")));
        assertThat(Inbox.to(event.plan().client().email())).as("only the welcome").hasSize(1);
    }
}
