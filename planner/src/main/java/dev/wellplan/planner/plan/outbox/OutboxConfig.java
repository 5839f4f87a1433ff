package dev.wellplan.planner.plan.outbox;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay, under {@code wellplan.outbox}; checked at startup, so a bad value stops the planner. */
@ConfigMapping(prefix = "wellplan.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events when no commit woke it. */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /** Rows claimed per relay transaction. */
    @WithDefault("500")
    @Min(1)
    @Max(10_000)
    int batchSize();

    /** How long a batch may wait for the broker's acknowledgements before it is retried. */
    @WithDefault("PT10S")
    Duration ackTimeout();
}
