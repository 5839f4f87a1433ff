package dev.wellplan.notifier.reminder.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.notifier.reminder.dispatch.DispatchConfig;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends what is due. Quartz (clustered, JDBC store) fires this job; the job claims due ledger rows in
 * batches with {@code SKIP LOCKED}, sends each, and records it SENT. A reminder is claimed before it
 * is sent and confirmed after, so it goes out at most once outside the window between the SMTP
 * server's 250 and that record (invariant 4).
 *
 * <p>How wide that window is: up to {@code wellplan.dispatch.senders} sender threads compose and send
 * at once (one per pooled SMTP connection, {@code quarkus.mailer.max-pool-size}); one plan's reminders
 * stay on one sender, in due order. This thread records what the senders report, all that is ready in
 * one statement (a group commit: one row when mail is slow, dozens at full speed). A sender may only
 * start a message while fewer than 2 × senders messages are sent and not yet
 * recorded, so a notifier that dies sends again at most that many.
 *
 * <p>Claims belong to a live dispatcher: each instance writes a lease ({@code notifier.dispatcher},
 * renewed every few seconds on its own thread, database time), and claims of an instance whose lease
 * is older than {@code wellplan.dispatch.stale-claim} go back to the queue. A batch that is slow to
 * send (an SMTP server timing out) keeps its claims for as long as its instance lives.
 *
 * <p>Plans and the clients' e-mail preferences are read once per batch, just before it is sent: a pause,
 * a cancellation or an unsubscribe applies from the next batch (a fraction of a second at full speed).
 * While a full batch is being sent the next one is claimed and its plans read, on another thread.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);

    private final ReminderDao dao;
    private final Mailer mailer;
    private final MailComposer composer;
    private final EmailPreferences preferences;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration staleClaim;
    private final Optional<Duration> grace;
    private final Duration retryBackoff;
    private final int senders;
    private final Semaphore unrecorded;
    private final ExecutorService sending;
    private final ExecutorService claiming;
    private final ScheduledExecutorService lease;
    private final String instance = UUID.randomUUID().toString();
    private volatile boolean leased;

    public ReminderDispatcher(Jdbi jdbi, Mailer mailer, MailComposer composer, EmailPreferences preferences, Clock clock,
                              DispatchConfig config) {
        this.dao = jdbi.onDemand(ReminderDao.class);
        this.mailer = mailer;
        this.composer = composer;
        this.preferences = preferences;
        this.clock = clock;
        this.batchSize = config.batchSize();
        this.maxAttempts = config.maxAttempts();
        this.staleClaim = config.staleClaim();
        this.grace = config.grace();
        this.retryBackoff = config.retryBackoff();
        this.senders = config.senders();
        this.unrecorded = new Semaphore(2 * senders);
        this.sending = Executors.newFixedThreadPool(senders, daemon("reminder-sender-"));
        this.claiming = Executors.newSingleThreadExecutor(daemon("reminder-claimer-"));
        this.lease = Executors.newSingleThreadScheduledExecutor(daemon("reminder-lease-"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        lease.shutdownNow();
        claiming.shutdown();
        sending.shutdown();
    }

    @Scheduled(every = "${wellplan.dispatch.interval}", identity = "reminder-dispatch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        holdLease();
        Instant now = clock.instant();
        // Nothing of this instance is in flight between two runs (send waits for its senders), so its own
        // leftovers (a run that failed half way) go back too, with the claims of dispatchers that stopped.
        int released = dao.releaseAbandonedClaims(instance, staleClaim.toMillis() / 1000.0, now);
        if (released > 0) {
            LOG.warnf("%d reminders claimed by a dispatcher that stopped were put back in the queue", released);
        }
        Batch batch = claim();
        while (!batch.reminders().isEmpty()) {
            CompletableFuture<Batch> next = batch.reminders().size() == batchSize
                    ? CompletableFuture.supplyAsync(this::claim, claiming) : null;
            send(batch);
            if (next == null) {
                return;
            }
            batch = next.join();
        }
    }

    /** Claims and sends one batch; returns how many it claimed. */
    public int dispatchBatch() {
        holdLease();
        Batch batch = claim();
        send(batch);
        return batch.reminders().size();
    }

    /** Writes this instance's lease before its first claim, then renews it on its own thread. */
    private void holdLease() {
        if (leased) {
            return;
        }
        synchronized (this) {
            if (!leased) {
                dao.renewLease(instance);
                long every = Math.max(1, Math.min(10, staleClaim.toSeconds() / 3));
                lease.scheduleWithFixedDelay(this::renewLease, every, every, TimeUnit.SECONDS);
                leased = true;
            }
        }
    }

    private void renewLease() {
        try {
            dao.renewLease(instance);
            dao.forgetLeases(Duration.ofDays(1).toSeconds());
        } catch (RuntimeException e) {
            LOG.warnf("dispatcher lease not renewed: %s", e.getClass().getSimpleName());
        }
    }

    /** Claimed reminders, in due order, with the applied snapshots of their plans. */
    private record Batch(Instant claimedAt, List<ReminderRow> reminders, Map<UUID, PlanSnapshot> plans) {
    }

    private Batch claim() {
        Instant now = clock.instant();
        List<ReminderRow> claimed = QuarkusTransaction.requiringNew().call(() -> dao.claimDue(now, batchSize, instance));
        return new Batch(now, claimed, claimed.isEmpty() ? Map.of() : plans(claimed));
    }

    private void send(Batch batch) {
        if (batch.reminders().isEmpty()) {
            return;
        }
        Instant now = batch.claimedAt();
        Map<UUID, List<ReminderRow>> byPlan = new LinkedHashMap<>(); // in due order, as claimed
        for (ReminderRow reminder : batch.reminders()) {
            byPlan.computeIfAbsent(reminder.planId(), id -> new ArrayList<>()).add(reminder);
        }
        BiPredicate<UUID, ReminderKind> wanted = preferences.allowsAll(byPlan.keySet().stream()
                .map(batch.plans()::get).filter(Objects::nonNull).map(EmailPreferences::recipientOf).toList());
        Sends sends = new Sends(now);
        try {
            for (List<ReminderRow> ofPlan : byPlan.values()) {
                PlanSnapshot plan = batch.plans().get(ofPlan.get(0).planId());
                List<ReminderRow> due = ofPlan.stream().filter(r -> stillWanted(r, plan, now, wanted)).toList();
                if (!due.isEmpty()) {
                    sends.start(due, plan);
                }
            }
        } finally {
            sends.finish();
        }
    }

    /** Whether this reminder is still to go out; if not, it is closed here. */
    private boolean stillWanted(ReminderRow reminder, PlanSnapshot plan, Instant now,
                                BiPredicate<UUID, ReminderKind> wanted) {
        ReminderKind kind = ReminderKind.valueOf(reminder.kind());
        // Checked again at send time: the plan may have changed since the reminder was scheduled (invariant 3).
        if (plan == null || !kind.allowedWhile(plan.status())) {
            dao.markClosed(reminder.id(), "CANCELLED", "plan is not active", now);
            return false;
        }
        if (!wanted.test(EmailPreferences.recipientOf(plan), kind)) {
            dao.markClosed(reminder.id(), "CANCELLED", "unsubscribed", now);
            LOG.infof("reminder %s cancelled: the client does not want %s e-mails", reminder.id(), kind);
            return false;
        }
        // each kind has its own grace window; wellplan.dispatch.grace overrides them all (tests, fast clock)
        if (reminder.dueAt().plus(grace.orElse(kind.grace())).isBefore(now)) {
            dao.markClosed(reminder.id(), "SKIPPED", "past its grace window", now);
            LOG.infof("reminder %s skipped: due %s, too late to be useful", reminder.id(), reminder.dueAt());
            return false;
        }
        return true;
    }

    /** One SMTP transaction: accepted (the 250) at {@code at}, or failed with {@code error}. */
    private record Outcome(ReminderRow reminder, String messageId, Instant at, Throwable error) {
    }

    /**
     * One batch's sending: each plan's reminders handed to a sender thread, each outcome recorded on the
     * dispatcher's thread as soon as it is reported, everything ready at that moment in one statement.
     */
    private final class Sends {
        private final Instant now;
        private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
        private int pending;

        Sends(Instant now) {
            this.now = now;
        }

        /** One plan's reminders, one after the other in due order, on a sender thread. */
        void start(List<ReminderRow> reminders, PlanSnapshot plan) {
            sending.execute(() -> {
                for (ReminderRow reminder : reminders) {
                    unrecorded.acquireUninterruptibly();
                    outcomes.add(attempt(reminder, plan));
                }
            });
            pending += reminders.size();
            List<Outcome> ready = new ArrayList<>();
            outcomes.drainTo(ready);
            settle(ready, true);
        }

        private Outcome attempt(ReminderRow reminder, PlanSnapshot plan) {
            try {
                ReminderMail mail = composer.compose(reminder, plan, now);
                mailer.send(message(mail));
                return new Outcome(reminder, mail.messageId(), clock.instant(), null);
            } catch (RuntimeException | Error e) {
                return new Outcome(reminder, null, null, e);
            }
        }

        /**
         * Waits for every reminder handed to the senders and records them. If recording fails (the database
         * is gone), it still waits for the senders, so nothing of this instance is in flight once it returns.
         */
        void finish() {
            RuntimeException failure = null;
            while (pending > 0) {
                List<Outcome> ready = new ArrayList<>();
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
        private void settle(List<Outcome> ready, boolean record) {
            if (ready.isEmpty()) {
                return;
            }
            try {
                if (record) {
                    record(ready);
                }
            } finally {
                pending -= ready.size();
                unrecorded.release(ready.size());
            }
        }

        private void record(List<Outcome> ready) {
            List<Outcome> accepted = ready.stream().filter(o -> o.error() == null).toList();
            if (!accepted.isEmpty()) {
                dao.markAllSent(accepted.stream().map(o -> o.reminder().id()).toArray(String[]::new),
                        accepted.stream().map(Outcome::messageId).toArray(String[]::new),
                        accepted.stream().map(o -> o.at().toString()).toArray(String[]::new));
                for (Outcome o : accepted) {
                    LOG.infof("reminder %s sent", o.reminder().id());
                }
            }
            for (Outcome o : ready) {
                if (o.error() != null) {
                    failed(o.reminder(), o.error(), now);
                }
            }
        }
    }

    private void failed(ReminderRow reminder, Throwable e, Instant now) {
        Duration backoff = retryBackoff.multipliedBy(1L << Math.min(reminder.attempts(), 6));
        dao.markAttemptFailed(reminder.id(), e.getClass().getSimpleName(), now.plus(backoff), maxAttempts, now);
        LOG.warnf("reminder %s not sent (attempt %d): %s", reminder.id(), reminder.attempts() + 1,
                e.getClass().getSimpleName());
    }

    /** The SMTP message of a composed reminder (package-private: the dispatch benchmark sends the same). */
    static Mail message(ReminderMail mail) {
        Mail message = Mail.withText(mail.to(), mail.subject(), mail.text()).setHtml(mail.html())
                .addHeader("Message-ID", mail.messageId());
        mail.headers().forEach(message::addHeader);
        for (ReminderMail.Attachment attachment : mail.attachments()) {
            message.addAttachment(attachment.name(), attachment.content().getBytes(StandardCharsets.UTF_8),
                    attachment.contentType());
        }
        return message;
    }

    /**
     * The applied snapshot of every plan in the batch, read in one statement and parsed here: on the claiming
     * thread while the senders work through the batch before it; a plan without one is absent.
     */
    private Map<UUID, PlanSnapshot> plans(List<ReminderRow> claimed) {
        UUID[] ids = claimed.stream().map(ReminderRow::planId).distinct().toArray(UUID[]::new);
        Map<UUID, PlanSnapshot> plans = new HashMap<>();
        dao.snapshots(ids).forEach((id, json) -> plans.put(id, PlanEventCodec.fromJson(json).plan()));
        return plans;
    }
}
