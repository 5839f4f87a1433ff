package dev.wellplan.support.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.hibernate.validator.constraints.time.DurationMin;

import io.smallrye.config.WithDefault;

/**
 * How a {@link KafkaRelay} runs. Each service's {@code @ConfigMapping} extends it under a prefix of its own (the
 * planner's {@code wellplan.outbox}, the notifier's {@code wellplan.delivery-outbox}), so both relays have the same
 * keys and defaults, checked at startup: a bad value stops the service.
 */
public interface RelayConfig {

    /** How often the relay looks for unpublished rows when no commit woke it. */
    @WithDefault("PT0.2S")
    @DurationMin(millis = 1)
    Duration pollInterval();

    /** Rows claimed per relay transaction. */
    @WithDefault("500")
    @Min(1)
    @Max(10_000)
    int batchSize();

    /** How long a batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("PT10S")
    @DurationMin(millis = 1)
    Duration ackTimeout();
}
