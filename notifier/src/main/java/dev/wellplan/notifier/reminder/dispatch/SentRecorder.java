package dev.wellplan.notifier.reminder.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.wellplan.notifier.reminder.schedule.ReminderRow;

/**
 * Records what the senders report, on the dispatcher's thread: every e-mail the SMTP server accepted that is ready at
 * that moment is marked {@code SENT} in one statement (a group commit: one row when mail is slow, dozens at full
 * speed), and each failure as an attempt, back in the queue after a backoff that doubles, or {@code FAILED}.
 *
 * <p>It also keeps invariant 4's crash window at its width by construction: a sender may start a message only while
 * fewer than 2 × {@code wellplan.dispatch.senders} of this instance's messages are sent and not yet recorded (one
 * permit of {@link #unrecorded} taken before each message, given back once its outcome is recorded, or could not be).
 * A notifier that dies between the SMTP server's 250 and the record therefore sends again at most that many.
 */
@ApplicationScoped
public class SentRecorder {

    private static final Logger LOG = Logger.getLogger(SentRecorder.class);

    private final LedgerStatements ledger;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Semaphore unrecorded;

    public SentRecorder(LedgerStatements ledger, DispatchConfig config) {
        this.ledger = ledger;
        this.maxAttempts = config.maxAttempts();
        this.retryBackoff = config.retryBackoff();
        this.unrecorded = new Semaphore(2 * config.senders());
    }

    /** The recording of one batch, claimed at {@code now}. */
    Round round(Instant now) {
        return new Round(now);
    }

    /**
     * One batch's outcomes: reported by the sender threads, recorded on the dispatcher's thread as they come. Only
     * the dispatcher's thread counts what is pending.
     */
    final class Round {
        private final Instant now;
        private final BlockingQueue<SendOutcome> outcomes = new LinkedBlockingQueue<>();
        private int pending;

        private Round(Instant now) {
            this.now = now;
        }

        Instant claimedAt() {
            return now;
        }

        /** On a sender thread, before each message: waits until the crash window has room for one more. */
        void awaitRoomInWindow() {
            unrecorded.acquireUninterruptibly();
        }

        /** On a sender thread, after each message. */
        void report(SendOutcome outcome) {
            outcomes.add(outcome);
        }

        /** This many more messages were handed to the senders. */
        void expect(int messages) {
            pending += messages;
        }

        /** Records what the senders have reported so far, without waiting for more. */
        void recordReady() {
            List<SendOutcome> ready = new ArrayList<>();
            outcomes.drainTo(ready);
            settle(ready, true);
        }

        /**
         * Waits for every message handed to the senders and records them. If recording fails (the database is gone),
         * it still waits for the senders, so nothing of this instance is in flight once it returns.
         */
        void recordTheRest() {
            RuntimeException failure = null;
            while (pending > 0) {
                List<SendOutcome> ready = new ArrayList<>();
                try {
                    ready.add(outcomes.take());
                } catch (InterruptedException e) {
                    // shutting down: what is not recorded stays SENDING until this instance's lease runs out
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted with " + pending + " reminders being sent", e);
                }
                outcomes.drainTo(ready);
                try {
                    settle(ready, failure == null);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }

        /** Records these outcomes (when {@code record}), then lets the senders go on. */
        private void settle(List<SendOutcome> ready, boolean record) {
            if (ready.isEmpty()) {
                return;
            }
            try {
                if (record) {
                    record(ready, now);
                }
            } finally {
                pending -= ready.size();
                unrecorded.release(ready.size());
            }
        }
    }

    private void record(List<SendOutcome> ready, Instant now) {
        List<SendOutcome> sent = ready.stream().filter(SendOutcome::wasSent).toList();
        if (!sent.isEmpty()) {
            ledger.markAllSent(sent.stream().map(o -> o.reminder().id()).toArray(String[]::new),
                    sent.stream().map(SendOutcome::messageId).toArray(String[]::new),
                    sent.stream().map(o -> o.at().toString()).toArray(String[]::new));
            for (SendOutcome o : sent) {
                LOG.infof("reminder %s sent", o.reminder().id());
            }
        }
        for (SendOutcome o : ready) {
            if (!o.wasSent()) {
                failed(o.reminder(), o.error(), now);
            }
        }
    }

    private void failed(ReminderRow reminder, Throwable e, Instant now) {
        Duration backoff = retryBackoff.multipliedBy(1L << Math.min(reminder.attempts(), 6));
        ledger.markAttemptFailed(reminder.id(), e.getClass().getSimpleName(), now.plus(backoff), maxAttempts, now);
        LOG.warnf("reminder %s not sent (attempt %d): %s", reminder.id(), reminder.attempts() + 1,
                e.getClass().getSimpleName());
    }
}
