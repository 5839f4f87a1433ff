package dev.wellplan.notifier.reminder.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;

import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.reminder.mail.MailComposer;
import dev.wellplan.notifier.reminder.mail.ReminderMail;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;

/**
 * The threads that compose and send reminders ({@code wellplan.dispatch.senders}), each over its own long-lived SMTP
 * connection ({@link SmtpConnection}). One plan's reminders go to one sender, one after the other in due order, so a
 * client never gets them out of order.
 */
@ApplicationScoped
public class SenderPool {

    private final MailComposer composer;
    private final SmtpSettings smtp;
    private final Clock clock;
    private final ExecutorService senders;
    private final List<SmtpConnection> connections = new CopyOnWriteArrayList<>();
    private final ThreadLocal<SmtpConnection> connection = ThreadLocal.withInitial(this::newConnection);

    public SenderPool(MailComposer composer, SmtpSettings smtp, Clock clock, DispatchConfig config) {
        this.composer = composer;
        this.smtp = smtp;
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
            connection.get().send(mail.toMime(smtp.session(), smtp.from()));
            return SendOutcome.sent(reminder, mail.messageId(), clock.instant());
        } catch (MessagingException | RuntimeException | Error e) {
            return SendOutcome.failed(reminder, e);
        }
    }

    private SmtpConnection newConnection() {
        SmtpConnection fresh = new SmtpConnection(smtp);
        connections.add(fresh);
        return fresh;
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(SmtpConnection::close);
    }
}
