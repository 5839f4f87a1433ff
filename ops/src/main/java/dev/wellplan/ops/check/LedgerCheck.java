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
            String expected = r.itemId() != null ? DesiredReminder.key(r.planId(), r.itemId(), kind)
                    : DesiredReminder.key(r.planId(), DesiredReminder.ONCE_PER_PLAN, kind) + " or "
                    + DesiredReminder.key(r.planId(), DesiredReminder.oncePerVersion(r.planVersion()), kind);
            found.add(Kind.REMINDER_KEY_INVALID, r.planId(), r.id(), r.kind() + " (item " + r.itemId()
                    + ") should be " + expected);
        }
    }

    /**
     * Item reminders are keyed by their item; notices once per plan, or once per version up to the row's; the answer
     * to a client's request by the request's event id.
     */
    private static boolean hasDeterministicKey(Reminder r, ReminderKind kind) {
        if (kind.onRequest()) {
            return isRequestKey(r, kind);
        }
        if (r.itemId() != null) {
            return r.id().equals(DesiredReminder.key(r.planId(), r.itemId(), kind));
        }
        return r.id().equals(DesiredReminder.key(r.planId(), DesiredReminder.ONCE_PER_PLAN, kind))
                || LongStream.rangeClosed(1, r.planVersion()).anyMatch(version -> r.id().equals(
                        DesiredReminder.key(r.planId(), DesiredReminder.oncePerVersion(version), kind)));
    }

    private static boolean isRequestKey(Reminder r, ReminderKind kind) {
        String start = r.planId() + ":";
        String end = DesiredReminder.key(r.planId(), "", kind).substring(start.length());
        if (!r.id().startsWith(start) || !r.id().endsWith(end) || r.id().length() < start.length() + end.length()) {
            return false;
        }
        String subject = r.id().substring(start.length(), r.id().length() - end.length());
        return r.itemId() == null && DesiredReminder.requestOf(subject).isPresent();
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
