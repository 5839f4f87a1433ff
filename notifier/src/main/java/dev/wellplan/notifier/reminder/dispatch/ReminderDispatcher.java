package dev.wellplan.notifier.reminder.dispatch;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends what is due. Quartz (clustered, JDBC store) fires this job; it claims due ledger rows in batches, checks each
 * again, sends it and records it {@code SENT}. A reminder is claimed before it is sent and confirmed after, so it goes
 * out at most once outside the window between the SMTP server's 250 and that record (invariant 4).
 *
 * <p>The parts, each in its own class: the {@link DispatcherLease} that makes claims belong to a live instance; the
 * {@link BatchClaimer}, which claims the next batch while the current one is sent; the {@link SendTimeChecks} of
 * plan status, preferences and grace; the {@link SenderPool} that sends; and the {@link SentRecorder}, which group
 * commits what was sent and keeps the crash window at 2 × senders messages.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private final DispatcherLease lease;
    private final BatchClaimer claimer;
    private final SendTimeChecks sendTimeChecks;
    private final SenderPool senders;
    private final SentRecorder recorder;

    public ReminderDispatcher(DispatcherLease lease, BatchClaimer claimer, SendTimeChecks sendTimeChecks, SenderPool senders,
                              SentRecorder recorder) {
        this.lease = lease;
        this.claimer = claimer;
        this.sendTimeChecks = sendTimeChecks;
        this.senders = senders;
        this.recorder = recorder;
    }

    @Scheduled(every = "${wellplan.dispatch.interval}", identity = "reminder-dispatch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        lease.hold();
        lease.releaseAbandonedClaims();
        ClaimedBatch batch = claimer.claim();
        while (!batch.isEmpty()) {
            CompletableFuture<ClaimedBatch> next = batch.full() ? claimer.claimAhead() : null;
            send(batch);
            if (next == null) {
                return;
            }
            batch = next.join();
        }
    }

    /** Sends one batch plan by plan, recording as the senders report, and returns once all of it is recorded. */
    private void send(ClaimedBatch batch) {
        SendTimeChecks.OfBatch checks = sendTimeChecks.of(batch);
        SentRecorder.Round round = recorder.round(batch.claimedAt());
        try {
            for (ClaimedBatch.PlanReminders ofPlan : batch.byPlan()) {
                List<ReminderRow> due = checks.stillWanted(ofPlan);
                if (!due.isEmpty()) {
                    senders.send(due, ofPlan.plan(), round);
                    round.recordReady();
                }
            }
        } finally {
            round.recordTheRest();
        }
    }
}
