package dev.wellplan.notifier.reminder.intake;

import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import dev.wellplan.notifier.reminder.schedule.ReminderSchedule;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Applies valid plan events however long it takes: a failure here is ours (the database away, a connection lost),
 * never the events', so it is retried without end, 200 ms after the first failure and twice as long after each
 * next one, up to 30 s apart. The consumer waits meanwhile, which keeps each plan's events in order.
 *
 * <p>The retry sits on this bean, outside {@link ReminderSchedule#reconcileAll}'s transaction, so every attempt is a
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

    /** Applies one poll's valid events, in order, in one transaction; their outcomes, in order. */
    @Retry(maxRetries = -1, maxDuration = 0, delay = 200, jitter = 0, retryOn = RuntimeException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public List<ReminderSchedule.Outcome> reconcileAll(List<ReminderSchedule.Applying> events) {
        try {
            List<ReminderSchedule.Outcome> outcomes = schedule.reconcileAll(events);
            if (LOG.isDebugEnabled()) {
                for (int i = 0; i < events.size(); i++) {
                    var event = events.get(i).event();
                    LOG.debugf("event %s for plan %s v%d: %s", event.eventId(), event.planId(), event.planVersion(),
                            outcomes.get(i));
                }
            }
            return outcomes;
        } catch (RuntimeException e) {
            var first = events.get(0).event();
            LOG.warnf("%d plan events (the first: plan %s v%d) not applied yet (%s), retrying", events.size(),
                    first.planId(), first.planVersion(), e.getClass().getSimpleName());
            throw e;
        }
    }
}
