package dev.wellplan.notifier.reminder.dispatch;

import java.time.Instant;

import dev.wellplan.notifier.reminder.schedule.ReminderRow;

/** What a sender reports of one SMTP transaction: accepted (the 250) at {@code at}, or failed with {@code error}. */
record SendOutcome(ReminderRow reminder, String messageId, Instant at, Throwable error) {

    static SendOutcome sent(ReminderRow reminder, String messageId, Instant at) {
        return new SendOutcome(reminder, messageId, at, null);
    }

    static SendOutcome failed(ReminderRow reminder, Throwable error) {
        return new SendOutcome(reminder, null, null, error);
    }

    boolean wasSent() {
        return error == null;
    }
}
