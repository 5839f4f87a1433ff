package dev.wellplan.notifier.reminder.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.notifier.reminder.schedule.ReminderKind;
import dev.wellplan.notifier.reminder.schedule.ReminderPolicy;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends what is due. Quartz (clustered, JDBC store) fires this job on one instance at a time;
 * the job claims due ledger rows in batches with {@code SKIP LOCKED}, sends each, and records
 * it SENT. A reminder is claimed before it is sent and confirmed after, so it goes out at most
 * once outside the window between the SMTP server's 250 and that record (invariant 4).
 */
@ApplicationScoped
public class ReminderDispatcher {

    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);
    private static final Set<ReminderKind> PLAN_WIDE = Set.of(ReminderKind.WELCOME, ReminderKind.PLAN_CHANGED,
            ReminderKind.PLAN_CANCELLED, ReminderKind.AWAITING_CLEARANCE);

    private final ReminderDao dao;
    private final Mailer mailer;
    private final MailComposer composer;
    private final EmailPreferences preferences;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration staleClaim;
    private final java.util.Optional<Duration> grace;
    private final Duration retryBackoff;
    private final String instance = UUID.randomUUID().toString();

    public ReminderDispatcher(Jdbi jdbi, Mailer mailer, MailComposer composer, EmailPreferences preferences, Clock clock,
                              @ConfigProperty(name = "wellplan.dispatch.batch-size", defaultValue = "200") int batchSize,
                              @ConfigProperty(name = "wellplan.dispatch.max-attempts", defaultValue = "5") int maxAttempts,
                              @ConfigProperty(name = "wellplan.dispatch.stale-claim", defaultValue = "PT5M") Duration staleClaim,
                              @ConfigProperty(name = "wellplan.dispatch.grace") java.util.Optional<Duration> grace,
                              @ConfigProperty(name = "wellplan.dispatch.retry-backoff", defaultValue = "PT30S") Duration retryBackoff) {
        this.dao = jdbi.onDemand(ReminderDao.class);
        this.mailer = mailer;
        this.composer = composer;
        this.preferences = preferences;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.staleClaim = staleClaim;
        this.grace = grace;
        this.retryBackoff = retryBackoff;
    }

    @Scheduled(every = "${wellplan.dispatch.interval:1s}", identity = "reminder-dispatch",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        Instant now = clock.instant();
        int released = dao.releaseStaleClaims(now.minus(staleClaim), now);
        if (released > 0) {
            LOG.warnf("%d reminders claimed by a dispatcher that stopped were put back in the queue", released);
        }
        while (dispatchBatch() == batchSize) {
            // a full batch: more is due, keep going
        }
    }

    /** Claims and sends one batch; returns how many it claimed. */
    public int dispatchBatch() {
        Instant now = clock.instant();
        List<ReminderRow> claimed = QuarkusTransaction.requiringNew().call(() -> dao.claimDue(now, batchSize, instance));
        Map<UUID, PlanSnapshot> plans = new java.util.HashMap<>();
        for (ReminderRow reminder : claimed) {
            PlanSnapshot plan = plans.computeIfAbsent(reminder.planId(), this::plan);
            deliver(reminder, plan, now);
        }
        return claimed.size();
    }

    private void deliver(ReminderRow reminder, PlanSnapshot plan, Instant now) {
        ReminderKind kind = ReminderKind.valueOf(reminder.kind());
        // Checked again at send time: the plan may have changed since the reminder was scheduled (invariant 3).
        if (plan == null || (!PLAN_WIDE.contains(kind) && !ReminderPolicy.ACTIVE.equals(plan.status()))) {
            dao.markClosed(reminder.id(), "CANCELLED", "plan is not active", now);
            return;
        }
        if (!preferences.allows(EmailPreferences.recipientOf(plan), kind)) {
            dao.markClosed(reminder.id(), "CANCELLED", "unsubscribed", now);
            LOG.infof("reminder %s cancelled: the client does not want %s e-mails", reminder.id(), kind);
            return;
        }
        // each kind has its own grace window; wellplan.dispatch.grace overrides them all (tests, fast clock)
        if (reminder.dueAt().plus(grace.orElse(kind.grace())).isBefore(now)) {
            dao.markClosed(reminder.id(), "SKIPPED", "past its grace window", now);
            LOG.infof("reminder %s skipped: due %s, too late to be useful", reminder.id(), reminder.dueAt());
            return;
        }
        try {
            ReminderMail mail = composer.compose(reminder, plan, now);
            mailer.send(message(mail));
            dao.markSent(reminder.id(), mail.messageId(), clock.instant());
            LOG.infof("reminder %s sent", reminder.id());
        } catch (RuntimeException e) {
            Duration backoff = retryBackoff.multipliedBy(1L << Math.min(reminder.attempts(), 6));
            dao.markAttemptFailed(reminder.id(), e.getClass().getSimpleName(), now.plus(backoff), maxAttempts, now);
            LOG.warnf("reminder %s not sent (attempt %d): %s", reminder.id(), reminder.attempts() + 1,
                    e.getClass().getSimpleName());
        }
    }

    private static Mail message(ReminderMail mail) {
        Mail message = Mail.withText(mail.to(), mail.subject(), mail.text()).setHtml(mail.html())
                .addHeader("Message-ID", mail.messageId());
        mail.headers().forEach(message::addHeader);
        for (ReminderMail.Attachment attachment : mail.attachments()) {
            message.addAttachment(attachment.name(), attachment.content().getBytes(StandardCharsets.UTF_8),
                    attachment.contentType());
        }
        return message;
    }

    private PlanSnapshot plan(UUID planId) {
        return dao.snapshot(planId).map(json -> PlanEventCodec.fromJson(json).plan()).orElse(null);
    }
}
