package dev.wellplan.planner.plan.outbox;

import dev.wellplan.support.outbox.RelayConfig;

import io.smallrye.config.ConfigMapping;

/** The outbox relay, under {@code wellplan.outbox}; checked at startup, so a bad value stops the planner. */
@ConfigMapping(prefix = "wellplan.outbox")
public interface OutboxConfig extends RelayConfig {
}
