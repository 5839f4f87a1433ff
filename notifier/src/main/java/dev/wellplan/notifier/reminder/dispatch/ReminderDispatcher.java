package dev.wellplan.notifier.reminder.dispatch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);

    private final DispatcherLease lease;
    private final BatchClaimer claimer;
    private final SendTimeChecks sendTimeChecks;
    private final SenderPool senders;
    private final SentRecorder recorder;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean wakeUp = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(DaemonThreads.named("reminder-wake-"));

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
        runUnlessRunning();
    }

    /**
     * Runs the dispatcher now, on its own thread, rather than at the next fire: the plan event intake calls this when
     * a commit made reminders due at once (a welcome), as an outbox commit wakes the planner's relay. A run in
     * progress takes the wake-up as a reason to look once more when it ends. Only this instance is woken; Quartz's
     * one trigger still fires every instance's runs.
     */
    public void wake() {
        wakeUp.set(true);
        waker.execute(() -> {
            try {
                runUnlessRunning();
            } catch (RuntimeException e) {
                LOG.warnf("dispatch on wake-up failed (%s); the next fire tries again", e.getClass().getSimpleName());
            }
        });
    }

    /** One run at a time in this instance, fired or woken; a wake-up during a run is a run right after it. */
    private void runUnlessRunning() {
        while (running.tryLock()) {
            try {
                wakeUp.set(false);
                run();
            } finally {
                running.unlock();
            }
            if (!wakeUp.get()) {
                return;
            }
        }
    }

    private void run() {
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

    @PreDestroy
    void stop() {
        waker.shutdownNow();
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
