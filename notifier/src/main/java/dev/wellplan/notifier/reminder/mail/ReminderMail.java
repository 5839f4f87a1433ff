package dev.wellplan.notifier.reminder.mail;

import java.util.List;
import java.util.Map;

/**
 * A composed reminder e-mail: both parts, its deterministic Message-ID, the extra headers
 * (List-Unsubscribe, RFC 8058) and any calendar attachment.
 */
public record ReminderMail(String to, String subject, String text, String html, String messageId,
                           Map<String, String> headers, List<Attachment> attachments) {

    public ReminderMail {
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    /** A text attachment, e.g. an ICS file with {@code text/calendar; method=REQUEST}. */
    public record Attachment(String name, String contentType, String content) {
    }
}
