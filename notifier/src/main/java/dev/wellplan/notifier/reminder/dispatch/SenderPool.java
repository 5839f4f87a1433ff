package dev.wellplan.notifier.reminder.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.reminder.mail.MailComposer;
import dev.wellplan.notifier.reminder.mail.ReminderMail;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import io.quarkus.mailer.Mailer;

/**
 * The threads that compose and send reminders ({@code wellplan.dispatch.senders}, one per pooled SMTP connection,
 * {@code quarkus.mailer.max-pool-size}). One plan's reminders go to one sender, one after the other in due order,
 * so a client never gets them out of order.
 */
@ApplicationScoped
public class SenderPool {

    private final MailComposer composer;
    private final Mailer mailer;
    private final Clock clock;
    private final ExecutorService senders;

    public SenderPool(MailComposer composer, Mailer mailer, Clock clock, DispatchConfig config) {
        this.composer = composer;
        this.mailer = mailer;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(config.senders(), DaemonThreads.named("reminder-sender-"));
    }

    /**
     * Hands one plan's reminders to a sender. Before each message the sender waits for room in the crash window;
     * after it, it reports the outcome to {@code round}, which records it.
     */
    void send(List<ReminderRow> reminders, PlanSnapshot plan, SentRecorder.Round round) {
        senders.execute(() -> {
            for (ReminderRow reminder : reminders) {
                round.awaitRoomInWindow();
                round.report(attempt(reminder, plan, round));
            }
        });
        round.expect(reminders.size());
    }

    private SendOutcome attempt(ReminderRow reminder, PlanSnapshot plan, SentRecorder.Round round) {
        try {
            ReminderMail mail = composer.compose(reminder, plan, round.claimedAt());
            mailer.send(mail.toMessage());
            return SendOutcome.sent(reminder, mail.messageId(), clock.instant());
        } catch (RuntimeException | Error e) {
            return SendOutcome.failed(reminder, e);
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }
}
