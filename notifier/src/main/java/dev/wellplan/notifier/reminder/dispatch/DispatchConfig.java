package dev.wellplan.notifier.reminder.dispatch;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the dispatcher sends what is due, under {@code wellplan.dispatch}. Checked at startup: a value out of range
 * stops the notifier with a message naming its key, rather than a dispatcher that never sends.
 */
@ConfigMapping(prefix = "wellplan.dispatch")
public interface DispatchConfig {

    /**
     * How often Quartz fires the dispatcher. Also the longest a reminder waits after its due time on an idle
     * notifier, so it is short; a full batch is followed at once by the next, whatever this says.
     */
    @WithDefault("250ms")
    @DurationMin(millis = 1)
    Duration interval();

    /**
     * Reminders claimed per batch. Plans and preferences are read once per batch, so a pause or an unsubscribe
     * applies from the next one (under a second at full speed).
     */
    @WithDefault("500")
    @Min(1)
    int batchSize();

    /**
     * Sender threads: reminders composed and sent at once. Keep it at {@code quarkus.mailer.max-pool-size}, one
     * SMTP connection each. Twice this many is the crash window: the most e-mails a crash can send twice.
     */
    @WithDefault("4")
    @Min(1)
    int senders();

    /**
     * A dispatcher whose lease in {@code notifier.dispatcher} is older than this is taken for dead and its claims go
     * back to the queue. The lease is renewed every third of this (at most every 10 s), so it must leave room for
     * a few renewals.
     */
    @WithDefault("PT2M")
    @DurationMin(seconds = 3)
    Duration staleClaim();

    /** SMTP attempts before a reminder is {@code FAILED}. */
    @WithDefault("5")
    @Min(1)
    int maxAttempts();

    /** The wait after a failed SMTP attempt; it doubles with each attempt (up to 64 times this). */
    @WithDefault("PT30S")
    @DurationMin(millis = 0)
    Duration retryBackoff();

    /**
     * A reminder later than this after its due time is {@code SKIPPED}, not sent. Unset, each kind has its own
     * window ({@code ReminderKind.grace()}: aftercare 3 h, strength day 8 h, ..., welcome 2 days); set, it applies
     * to every kind (tests, the fast clock).
     */
    Optional<Duration> grace();
}
