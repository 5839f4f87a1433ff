package dev.wellplan.notifier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import dev.wellplan.stack.Ports;
import dev.wellplan.testing.TestServers;
import dev.wellplan.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL, Kafka and SMTP (GreenMail) for the notifier's tests, once per JVM, and the public key of the test
 * JVM's tokens ({@link TestTokens}), as the local stack gives the notifier the planner's.
 */
public class RealServers implements QuarkusTestResourceLifecycleManager {

    private static GreenMail smtp;

    private static int smtpPort;

    public static synchronized GreenMail smtp() {
        if (smtp == null) {
            smtpPort = smtpPort == 0 ? Ports.free() : smtpPort;
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        return smtp;
    }

    /** The messages the SMTP server received for {@code address}, oldest first. */
    public static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Takes the SMTP server away, as an outage would; {@link #smtp()} brings it back on the same port. */
    public static synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestServers.quarkusConfig());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(smtp().getSmtp().getPort()));
        // failed sends come back after a second, not half a minute, so outage tests stay short
        config.put("wellplan.dispatch.retry-backoff", "PT1S");
        config.put("quarkus.oidc.public-key", TestTokens.keys().publicKeyPem());
        return config;
    }

    @Override
    public void stop() {
        // shared for the whole test JVM
    }
}
