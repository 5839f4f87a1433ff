package dev.wellplan.notifier.reminder.intake;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.notifier.reminder.schedule.ReminderSchedule;
import dev.wellplan.reminders.DesiredReminder;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Applies a valid plan event however long it takes: a failure here is ours (the database away, a connection lost),
 * never the event's, so it is retried without end, 200 ms after the first failure and twice as long after each
 * next one, up to 30 s apart. The consumer's partition waits meanwhile, which keeps each plan's events in order.
 *
 * <p>The retry sits on this bean, outside {@link ReminderSchedule#reconcile}'s transaction, so every attempt is a
 * transaction of its own: retried inside one, a failed statement would have aborted it and every attempt after
 * would fail the same way.
 */
@ApplicationScoped
public class RetryingReconciler {

    private static final Logger LOG = Logger.getLogger(RetryingReconciler.class);

    private final ReminderSchedule schedule;

    public RetryingReconciler(ReminderSchedule schedule) {
        this.schedule = schedule;
    }

    @Retry(maxRetries = -1, maxDuration = 0, delay = 200, jitter = 0, retryOn = RuntimeException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public ReminderSchedule.Outcome reconcile(PlanEvent event, List<DesiredReminder> desired) {
        try {
            ReminderSchedule.Outcome outcome = schedule.reconcile(event, desired);
            LOG.debugf("event %s for plan %s v%d: %s", event.eventId(), event.planId(), event.planVersion(), outcome);
            return outcome;
        } catch (RuntimeException e) {
            LOG.warnf("plan %s v%d not applied yet (%s), retrying", event.planId(), event.planVersion(),
                    e.getClass().getSimpleName());
            throw e;
        }
    }
}
