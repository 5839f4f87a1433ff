package dev.wellplan.notifier.reminder.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.wellplan.contract.InvalidPlanEventException;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.notifier.reminder.dispatch.DispatchConfig;
import dev.wellplan.notifier.reminder.dispatch.ReminderDispatcher;
import dev.wellplan.notifier.reminder.schedule.ReminderSchedule;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads {@code plan-events}, a poll at a time ({@code batch=true}: up to {@code max.poll.records} records). The valid
 * events of a poll are applied by the {@link RetryingReconciler} in their order, in one transaction; it outlasts any
 * fault of ours (the database away for a while), so a valid event is never dead-lettered for one. A record that is not
 * a plan event this notifier can apply is nacked, after the others are committed, and lands on
 * {@code plan-events.dlq} with the reason in its headers; the consumer goes on. The poll's offsets are committed last.
 *
 * <p>When a commit made reminders due now (a welcome, a request to confirm), the dispatcher is woken at once rather
 * than at its next fire.
 */
@ApplicationScoped
public class PlanEventConsumer {

    private static final Logger LOG = Logger.getLogger(PlanEventConsumer.class);

    private final ReminderPolicy policy;
    private final RetryingReconciler reconciler;
    private final ReminderDispatcher dispatcher;
    private final Clock clock;
    private final DispatchConfig dispatch;

    public PlanEventConsumer(ReminderPolicy policy, RetryingReconciler reconciler, ReminderDispatcher dispatcher,
                             Clock clock, DispatchConfig dispatch) {
        this.policy = policy;
        this.reconciler = reconciler;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.dispatch = dispatch;
    }

    @Incoming("plan-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<ReminderSchedule.Applying> valid = new ArrayList<>(batch.getRecords().size());
        List<KafkaRecord<String, String>> poison = new ArrayList<>();
        List<RuntimeException> reasons = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                PlanEvent event = PlanEventCodec.fromJson(record.getPayload());
                // pure: an event it cannot plan (say, an unknown zone) is poison
                valid.add(new ReminderSchedule.Applying(event, policy.desired(event)));
            } catch (InvalidPlanEventException | java.time.DateTimeException | IllegalArgumentException e) {
                LOG.warnf("plan event rejected to the dead-letter topic: %s", e.getMessage());
                poison.add(record);
                reasons.add(e);
            }
        }
        if (!valid.isEmpty()) {
            List<ReminderSchedule.Outcome> outcomes = reconciler.reconcileAll(valid);
            if (madeDueNow(valid, outcomes)) {
                dispatcher.wake();
            }
        }
        // dead-lettered only once the valid events before them are committed: a dead letter's acknowledgement may
        // commit its partition's offset past them
        CompletableFuture<?>[] nacks = new CompletableFuture<?>[poison.size()];
        for (int i = 0; i < poison.size(); i++) {
            nacks[i] = poison.get(i).nack(reasons.get(i)).toCompletableFuture();
        }
        return CompletableFuture.allOf(nacks).thenCompose(done -> batch.ack());
    }

    /** Whether an applied event asks for a reminder due before the dispatcher's next fire. */
    private boolean madeDueNow(List<ReminderSchedule.Applying> applied, List<ReminderSchedule.Outcome> outcomes) {
        Instant soon = clock.instant().plus(dispatch.interval());
        for (int i = 0; i < applied.size(); i++) {
            if (outcomes.get(i) == ReminderSchedule.Outcome.APPLIED) {
                for (DesiredReminder reminder : applied.get(i).desired()) {
                    if (!reminder.dueAt().isAfter(soon)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
