package dev.wellplan.notifier.reminder.dispatch;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.StreamProvider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where and how reminders go out over SMTP: the keys of {@code quarkus.mailer} the deployment already sets (host,
 * port, from, username and password, {@code start-tls}, {@code tls}, {@code timeout}), read into one Jakarta Mail
 * session that every sender's connection shares.
 */
@ApplicationScoped
public class SmtpSettings {

    private final Session session;
    private final InternetAddress from;
    private final String protocol;

    public SmtpSettings(@ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
                        @ConfigProperty(name = "quarkus.mailer.port") Optional<Integer> port,
                        @ConfigProperty(name = "quarkus.mailer.from") String from,
                        @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
                        @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
                        @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
                        @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls,
                        @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "10s") Duration timeout) {
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("quarkus.mailer.from is not an address: " + e.getMessage(), e);
        }
        boolean ssl = tls.orElse(false);
        this.protocol = ssl ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put(p + "host", host);
        props.put(p + "port", String.valueOf(port.orElse(ssl ? 465 : 25)));
        props.put(p + "from", this.from.getAddress());
        String millis = String.valueOf(timeout.toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        switch (startTls.toUpperCase(Locale.ROOT)) {
            case "DISABLED" -> props.put(p + "starttls.enable", "false");
            case "REQUIRED" -> {
                props.put(p + "starttls.enable", "true");
                props.put(p + "starttls.required", "true");
            }
            default -> props.put(p + "starttls.enable", "true");
        }
        Authenticator authenticator = null;
        if (username.isPresent()) {
            props.put(p + "auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(username.get(), password.orElse(""));
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        nameStreamProvider();
        this.session = Session.getInstance(props, authenticator);
    }

    /**
     * Jakarta Mail 2.1 looks up its {@link StreamProvider} again for every body part and multipart it makes, every part
     * it writes and every encoder (jakartaee/mail-api#699; 2.2 asks the session instead): through the service loader,
     * which reads {@code META-INF/services} from the class loader each time, a third of the dispatcher's samples. It
     * reads a system property first: naming the class there makes each lookup a class by name. Named once, as the
     * service loader finds it, and only when nobody named one.
     */
    static void nameStreamProvider() {
        String key = StreamProvider.class.getName();
        if (System.getProperty(key) == null) {
            System.setProperty(key, StreamProvider.provider().getClass().getName());
        }
    }

    /** The session every connection and message is made in. */
    public Session session() {
        return session;
    }

    /** The From of every reminder ({@code quarkus.mailer.from}). */
    public InternetAddress from() {
        return from;
    }

    /** {@code smtp}, or {@code smtps} with {@code quarkus.mailer.tls=true}. */
    String protocol() {
        return protocol;
    }
}
