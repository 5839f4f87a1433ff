package dev.wellplan.notifier.reminder.dispatch;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One sender's SMTP connection, kept open from one message to the next (a message costs one SMTP transaction, not a
 * connection and a pool checkout). Opened when first needed; after a failure it is closed, and the next message opens
 * a new one. A connection idle for a while is checked ({@code NOOP}) before it is used, since servers close idle
 * connections. Not thread-safe: each sender thread has its own.
 */
final class SmtpConnection implements AutoCloseable {

    /** Idle longer than this, the connection is checked before the next message. */
    private static final long CHECK_AFTER_IDLE_NANOS = 5_000_000_000L;

    private final SmtpSettings settings;
    private Transport transport;
    private long lastUsed;

    SmtpConnection(SmtpSettings settings) {
        this.settings = settings;
    }

    /** Sends one message; returns once the server accepted it (its 250 after the data). */
    void send(MimeMessage message) throws MessagingException {
        try {
            open().sendMessage(message, message.getAllRecipients());
            lastUsed = System.nanoTime();
        } catch (MessagingException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Transport open() throws MessagingException {
        if (transport != null && System.nanoTime() - lastUsed > CHECK_AFTER_IDLE_NANOS && !transport.isConnected()) {
            close();
        }
        if (transport == null) {
            Transport fresh = settings.session().getTransport(settings.protocol());
            fresh.connect();
            transport = fresh;
        }
        return transport;
    }

    @Override
    public void close() {
        Transport t = transport;
        transport = null;
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException | RuntimeException e) {
                // already gone
            }
        }
    }
}
