package dev.wellplan.notifier.reminder.mail;

/** A composed reminder e-mail: both parts and its deterministic Message-ID. */
public record ReminderMail(String to, String subject, String text, String html, String messageId) {
}
