package dev.wellplan.notifier;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import dev.wellplan.contract.EmailAddresses;

/** Reads what the notifier sent to the test SMTP server (GreenMail): recipients, parts, attachments. */
public final class Inbox {

    private Inbox() {
    }

    /** The messages to {@code address}, in any letter case, as wellplan compares addresses. */
    public static List<MimeMessage> to(String address) {
        String wanted = EmailAddresses.normalize(address);
        return Arrays.stream(RealServers.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> EmailAddresses.normalize(a.toString())
                        .contains(wanted));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    public static List<MimeMessage> to(String address, String subjectPart) {
        return to(address).stream().filter(m -> subject(m).contains(subjectPart)).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body (not an attachment). */
    public static String text(MimeMessage message) {
        return body(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return body(message, "text/html");
    }

    /** The parts that are attachments, in order. */
    public static List<Part> attachments(MimeMessage message) {
        return parts(message).stream().filter(Inbox::isAttachment).toList();
    }

    public static String content(Part part) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String contentType(Part part) {
        try {
            return part.getContentType();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message, String type) {
        return parts(message).stream().filter(p -> !isAttachment(p)).filter(p -> {
            try {
                return p.isMimeType(type);
            } catch (MessagingException e) {
                return false;
            }
        }).map(Inbox::content).findFirst().orElseThrow(() -> new AssertionError("no " + type + " part"));
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static List<Part> parts(Part part) {
        List<Part> leaves = new ArrayList<>();
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    leaves.addAll(parts(multipart.getBodyPart(i)));
                }
            } else {
                leaves.add(part);
            }
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
        return leaves;
    }
}
