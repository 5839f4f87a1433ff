package dev.wellplan.notifier.reminder.intake;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.wellplan.contract.InvalidPlanEventException;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.reminders.ReminderPolicy;
import dev.wellplan.notifier.reminder.schedule.ReminderSchedule;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code plan-events}. A record that is not a plan event this notifier can apply is
 * nacked and lands on {@code plan-events.dlq} with the reason in its headers; the consumer
 * goes on. Anything else (the database away for a while) is retried here with backoff, so a
 * valid event is never dead-lettered for a fault of ours.
 */
@ApplicationScoped
public class PlanEventConsumer {

    private static final Logger LOG = Logger.getLogger(PlanEventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ReminderSchedule schedule;
    private final ReminderPolicy policy;

    public PlanEventConsumer(ReminderSchedule schedule, ReminderPolicy policy) {
        this.schedule = schedule;
        this.policy = policy;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        PlanEvent event;
        try {
            event = PlanEventCodec.fromJson(message.getPayload());
            policy.desired(event); // pure: an event it cannot plan (say, an unknown zone) is poison, not a fault of ours
        } catch (InvalidPlanEventException | java.time.DateTimeException | IllegalArgumentException e) {
            LOG.warnf("plan event rejected to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        applyWithRetry(event);
        return message.ack();
    }

    private void applyWithRetry(PlanEvent event) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                ReminderSchedule.Outcome outcome = schedule.reconcile(event);
                LOG.debugf("event %s for plan %s v%d: %s", event.eventId(), event.planId(), event.planVersion(), outcome);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("plan %s v%d not applied yet (%s), retrying in %d ms", event.planId(), event.planVersion(),
                        e.getClass().getSimpleName(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a plan event", e);
        }
    }
}
