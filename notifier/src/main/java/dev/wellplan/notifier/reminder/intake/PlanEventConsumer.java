package dev.wellplan.notifier.reminder.intake;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.wellplan.contract.InvalidPlanEventException;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code plan-events}. A record that is not a plan event this notifier can apply is nacked at once and lands
 * on {@code plan-events.dlq} with the reason in its headers; the consumer goes on. A valid event is applied by the
 * {@link RetryingReconciler}, which outlasts any fault of ours (the database away for a while), so it is never
 * dead-lettered for one. One record at a time, in partition order.
 */
@ApplicationScoped
public class PlanEventConsumer {

    private static final Logger LOG = Logger.getLogger(PlanEventConsumer.class);

    private final ReminderPolicy policy;
    private final RetryingReconciler reconciler;

    public PlanEventConsumer(ReminderPolicy policy, RetryingReconciler reconciler) {
        this.policy = policy;
        this.reconciler = reconciler;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        PlanEvent event;
        List<DesiredReminder> desired;
        try {
            event = PlanEventCodec.fromJson(message.getPayload());
            desired = policy.desired(event); // pure: an event it cannot plan (say, an unknown zone) is poison
        } catch (InvalidPlanEventException | java.time.DateTimeException | IllegalArgumentException e) {
            LOG.warnf("plan event rejected to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        reconciler.reconcile(event, desired);
        return message.ack();
    }
}
