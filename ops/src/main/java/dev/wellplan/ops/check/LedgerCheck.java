package dev.wellplan.ops.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import dev.wellplan.ops.check.Divergence.Kind;
import dev.wellplan.ops.check.PipelineState.Reminder;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderKind;

/**
 * Invariant 4, the ledger side: each reminder under the deterministic key the policy gives it (so it can exist
 * once), every {@code SENT} row with its Message-ID, no Message-ID twice, no claim stuck in {@code SENDING}.
 * Inboxes cannot be read from the database; the fault drills check them through the mail server.
 */
final class LedgerCheck {

    private final Instant now;
    private final Duration stuckAfter;
    private final Findings found;

    LedgerCheck(Instant now, Duration stuckAfter, Findings found) {
        this.now = now;
        this.stuckAfter = stuckAfter;
        this.found = found;
    }

    void check(List<Reminder> reminders, boolean reminderIdUnique) {
        Map<String, List<String>> byMessageId = new LinkedHashMap<>();
        for (Reminder r : reminders) {
            checkKey(r);
            checkSendRecord(r);
            if (r.messageId() != null && !r.messageId().isBlank()) {
                byMessageId.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(r.id());
            }
        }
        byMessageId.forEach((messageId, ids) -> {
            if (ids.size() > 1) {
                found.add(Kind.DUPLICATE_MESSAGE_ID, null, ids.get(0), "message id shared by " + ids);
            }
        });
        if (!reminderIdUnique) {
            found.add(Kind.REMINDER_KEY_INVALID, null, null, "notifier.reminder.id has no unique index");
        }
    }

    private void checkKey(Reminder r) {
        ReminderKind kind = ReminderKind.named(r.kind());
        if (kind == null) {
            found.add(Kind.REMINDER_KEY_INVALID, r.planId(), r.id(), r.kind()
                    + " is not a kind the reminder policy knows");
        } else if (!hasDeterministicKey(r, kind)) {
            String expected = r.itemId() != null
                    ? DesiredReminder.key(r.planId(), r.itemId() + "@<its local start>", kind)
                    : DesiredReminder.key(r.planId(), DesiredReminder.ONCE_PER_PLAN, kind) + " or "
                    + DesiredReminder.key(r.planId(), DesiredReminder.oncePerVersion(r.planVersion()), kind);
            found.add(Kind.REMINDER_KEY_INVALID, r.planId(), r.id(), r.kind() + " (item " + r.itemId()
                    + ") should be " + expected);
        }
    }

    /**
     * Item reminders are keyed by their item and its start; the see-a-doctor notice by its clearance episode (a
     * version up to the row's); other notices once per plan, or once per version up to the row's; the answer to a
     * client's request by the request's event id.
     */
    private static boolean hasDeterministicKey(Reminder r, ReminderKind kind) {
        String subject = DesiredReminder.subjectOf(r.id(), r.planId(), kind).orElse(null);
        if (subject == null) {
            return false;
        }
        if (kind.onRequest()) {
            return r.itemId() == null && DesiredReminder.requestOf(subject).isPresent();
        }
        if (kind == ReminderKind.AWAITING_CLEARANCE && DesiredReminder.episodeOf(subject)
                .filter(since -> since >= 1 && since <= r.planVersion()).isPresent()) {
            return true;
        }
        if (r.itemId() != null) {
            return DesiredReminder.isOfItem(subject, r.itemId());
        }
        return subject.equals(DesiredReminder.ONCE_PER_PLAN) || LongStream.rangeClosed(1, r.planVersion())
                .anyMatch(version -> subject.equals(DesiredReminder.oncePerVersion(version)));
    }

    private void checkSendRecord(Reminder r) {
        if ("SENT".equals(r.status()) && (r.messageId() == null || r.messageId().isBlank() || r.sentAt() == null)) {
            found.add(Kind.SENT_WITHOUT_MESSAGE_ID, r.planId(), r.id(), "SENT " + r.kind() + " with message id "
                    + r.messageId() + ", sent at " + r.sentAt());
        }
        if ("SENDING".equals(r.status()) && r.claimedAt() != null && r.claimedAt().isBefore(now.minus(stuckAfter))) {
            found.add(Kind.SENDING_STUCK, r.planId(), r.id(), r.kind() + " claimed "
                    + Ages.human(Duration.between(r.claimedAt(), now)) + " ago");
        }
    }
}
