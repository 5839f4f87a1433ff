package dev.wellplan.notifier.reminder.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.reminders.ReminderKind;

/**
 * What is checked again just before a claimed reminder goes out, because it may have changed since the reminder was
 * scheduled: the plan's status still allows its kind (invariant 3), the client still wants that kind of e-mail (and
 * their address was not unsubscribed under another plan), and it is not too late to be useful. A reminder that fails
 * a check is closed here, {@code CANCELLED} or {@code SKIPPED}, and not sent.
 *
 * <p>Plans and preferences are those read for the batch, just before it is sent: a pause, a cancellation or an
 * unsubscribe applies from the next batch (a fraction of a second at full speed).
 */
@ApplicationScoped
public class SendTimeChecks {

    private static final Logger LOG = Logger.getLogger(SendTimeChecks.class);

    private final LedgerStatements ledger;
    private final EmailPreferences preferences;
    private final Optional<Duration> grace;

    public SendTimeChecks(LedgerStatements ledger, EmailPreferences preferences, DispatchConfig config) {
        this.ledger = ledger;
        this.preferences = preferences;
        this.grace = config.grace();
    }

    /** The checks of one batch, its clients' preferences and suppressed addresses read once for all of it. */
    OfBatch of(ClaimedBatch batch) {
        return new OfBatch(batch.claimedAt(), preferences.allowsAll(batch.appliedPlans()));
    }

    final class OfBatch {
        private final Instant now;
        private final BiPredicate<PlanSnapshot, ReminderKind> wanted;

        private OfBatch(Instant now, BiPredicate<PlanSnapshot, ReminderKind> wanted) {
            this.now = now;
            this.wanted = wanted;
        }

        /** The reminders of one plan that are still to go out, in due order; the others are closed here. */
        List<ReminderRow> stillWanted(ClaimedBatch.PlanReminders ofPlan) {
            return ofPlan.reminders().stream().filter(r -> stillWanted(r, ofPlan.plan())).toList();
        }

        private boolean stillWanted(ReminderRow reminder, PlanSnapshot plan) {
            ReminderKind kind = ReminderKind.valueOf(reminder.kind());
            if (plan == null || !kind.allowedWhile(plan.status())) {
                ledger.markClosed(reminder.id(), "CANCELLED", "plan is not active", now);
                return false;
            }
            // the client's own switches, and the address's unsubscribe under any plan (the see-a-doctor notice aside)
            if (!wanted.test(plan, kind)) {
                ledger.markClosed(reminder.id(), "CANCELLED", "unsubscribed", now);
                LOG.infof("reminder %s cancelled: the client does not want %s e-mails", reminder.id(), kind);
                return false;
            }
            // each kind has its own grace window; wellplan.dispatch.grace overrides them all (tests, fast clock)
            if (reminder.dueAt().plus(grace.orElse(kind.grace())).isBefore(now)) {
                ledger.markClosed(reminder.id(), "SKIPPED", "past its grace window", now);
                LOG.infof("reminder %s skipped: due %s, too late to be useful", reminder.id(), reminder.dueAt());
                return false;
            }
            return true;
        }
    }
}
