package dev.wellplan.notifier.reminder.mail;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

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

    /**
     * The SMTP message the dispatcher sends: text and HTML as alternatives, any attachment beside them, the extra
     * headers and this mail's own Message-ID, from {@code from}, made in {@code session}.
     */
    public MimeMessage toMime(Session session, InternetAddress from) throws MessagingException {
        String id = messageId;
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        mime.setFrom(from);
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mime.setSubject(subject, "UTF-8");
        mime.setSentDate(new Date());
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        alternative.addBodyPart(textPart);
        alternative.addBodyPart(htmlPart);
        if (attachments.isEmpty()) {
            mime.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Attachment attachment : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(
                        attachment.content().getBytes(StandardCharsets.UTF_8), attachment.contentType())));
                part.setFileName(attachment.name());
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.saveChanges();
        return mime;
    }

    /** The same message for the Quarkus Mailer (the dispatch benchmark's reference). */
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
