package dev.wellplan.notifier.reminder.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.mailer.Mail;

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

    /** The SMTP message the dispatcher sends (and the dispatch benchmark, to compare like with like). */
    public Mail toMessage() {
        Mail message = Mail.withText(to, subject, text).setHtml(html).addHeader("Message-ID", messageId);
        headers.forEach(message::addHeader);
        for (Attachment attachment : attachments) {
            message.addAttachment(attachment.name(), attachment.content().getBytes(StandardCharsets.UTF_8),
                    attachment.contentType());
        }
        return message;
    }
}
