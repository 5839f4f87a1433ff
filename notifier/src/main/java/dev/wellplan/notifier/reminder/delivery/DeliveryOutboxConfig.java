package dev.wellplan.notifier.reminder.delivery;

import dev.wellplan.support.outbox.RelayConfig;

import io.smallrye.config.ConfigMapping;

/**
 * The delivery outbox relay, under {@code wellplan.delivery-outbox}: the keys and defaults of the planner's outbox
 * relay ({@link RelayConfig}). Checked at startup: a value out of range stops the notifier with a message naming
 * its key.
 */
@ConfigMapping(prefix = "wellplan.delivery-outbox")
public interface DeliveryOutboxConfig extends RelayConfig {
}
