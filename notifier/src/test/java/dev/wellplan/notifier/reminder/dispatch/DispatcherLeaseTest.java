package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.Inbox;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.reminder.mail.MailComposer;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.notifier.reminder.schedule.ReminderSchedule;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderPolicy;
import dev.wellplan.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A claim belongs to a live dispatcher: one left by an instance whose lease ran out goes back to the queue and
 * is sent, while an old claim of an instance that is still renewing its lease (a batch slow to send) is left
 * alone, however old the claim is, so it is never sent twice.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class DispatcherLeaseTest {

    @Inject
    ReminderSchedule schedule;

    @Inject
    ReminderPolicy policy;

    @Inject
    Jdbi jdbi;

    @Test
    void claims_of_a_dispatcher_whose_lease_ran_out_are_sent_and_those_of_a_live_one_are_left_alone() {
        UUID planId = UUID.randomUUID();
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.now(), List.of(TestEvents.strength("strength-1", ClientPlans.inDays(3, 12, 0)),
                        TestEvents.strength("strength-2", ClientPlans.inDays(5, 12, 0))));
        schedule.reconcile(event, policy.desired(event));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(planId + ":plan:welcome")));
        String gone = planId + ":" + DesiredReminder.ofItem("strength-1", ClientPlans.inDays(3, 12, 0)) + ":strength_day";
        String alive = planId + ":" + DesiredReminder.ofItem("strength-2", ClientPlans.inDays(5, 12, 0)) + ":strength_day";
        assertThat(status(gone)).isEqualTo("SCHEDULED");
        assertThat(status(alive)).isEqualTo("SCHEDULED");

        // two claims made an hour ago: one by an instance last seen ten minutes ago, one by an instance alive now
        lease("dispatcher-that-died", "now() - interval '10 minutes'");
        lease("dispatcher-still-sending", "now()");
        claim(gone, "dispatcher-that-died");
        claim(alive, "dispatcher-still-sending");

        String welcome = MailComposer.messageId(planId + ":plan:welcome");
        String goneMessage = MailComposer.messageId(gone);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(gone)));
        assertThat(Inbox.to(event.plan().client().email())).extracting(m -> Inbox.header(m, "Message-ID"))
                .containsExactlyInAnyOrder(welcome, goneMessage);

        // the live instance (its lease younger than wellplan.dispatch.stale-claim) keeps its claim through a dozen
        // dispatcher runs (four a second)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> "SENDING".equals(status(alive)));
        // ... until it stops renewing its lease
        lease("dispatcher-still-sending", "now() - interval '10 minutes'");
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(status(alive)));
        assertThat(Inbox.to(event.plan().client().email())).extracting(m -> Inbox.header(m, "Message-ID"))
                .containsExactlyInAnyOrder(welcome, goneMessage, MailComposer.messageId(alive));
    }

    private String status(String reminderId) {
        return jdbi.onDemand(ReminderDao.class).findByPlan(UUID.fromString(reminderId.substring(0, 36))).stream()
                .filter(r -> r.id().equals(reminderId)).map(ReminderRow::status).findFirst().orElse(null);
    }

    private void lease(String instance, String seenAt) {
        jdbi.useHandle(h -> h.execute("INSERT INTO notifier.dispatcher (instance, started_at, seen_at) VALUES (?, "
                + seenAt + ", " + seenAt + ") ON CONFLICT (instance) DO UPDATE SET seen_at = EXCLUDED.seen_at", instance));
    }

    private void claim(String reminderId, String instance) {
        int claimed = jdbi.withHandle(h -> h.execute("UPDATE notifier.reminder SET status = 'SENDING', claimed_by = ?, "
                + "claimed_at = now() - interval '1 hour', due_at = now() - interval '1 minute' "
                + "WHERE id = ? AND status = 'SCHEDULED'", instance, reminderId));
        assertThat(claimed).isEqualTo(1);
    }
}
