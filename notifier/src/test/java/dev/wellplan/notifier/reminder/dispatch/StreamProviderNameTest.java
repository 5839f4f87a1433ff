package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;

import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamProviderNameTest {

    private static final String KEY = StreamProvider.class.getName();

    private String before;

    @BeforeEach
    void forget() {
        before = System.getProperty(KEY);
        System.clearProperty(KEY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(KEY);
        } else {
            System.setProperty(KEY, before);
        }
    }

    @Test
    void the_session_names_the_provider_the_service_loader_finds() {
        Class<?> found = ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass();

        settings();

        assertThat(System.getProperty(KEY)).isEqualTo(found.getName());
        assertThat(StreamProvider.provider()).isExactlyInstanceOf(found);
    }

    @Test
    void a_provider_someone_named_stays() {
        System.setProperty(KEY, OwnProvider.class.getName());

        settings();

        assertThat(System.getProperty(KEY)).isEqualTo(OwnProvider.class.getName());
        assertThat(StreamProvider.provider()).isExactlyInstanceOf(OwnProvider.class);
    }

    private static SmtpSettings settings() {
        return new SmtpSettings("localhost", Optional.of(2525), "reminders@wellplan.local", Optional.empty(),
                Optional.empty(), "DISABLED", Optional.empty(), Duration.ofSeconds(1));
    }

    public static class OwnProvider extends MailStreamProvider {
    }
}
