package dev.wellplan.planner.plan.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.support.TransactionHandles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The outbox backlog as an operator watches it: how many events the broker has not acknowledged
 * yet, and how old the oldest is ({@code wellplan_outbox_pending},
 * {@code wellplan_outbox_oldest_age_seconds} at {@code /q/metrics}). Read at scrape time from the
 * table, so every instance reports the shared backlog.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    public OutboxMetrics(MeterRegistry registry, TransactionHandles handles, Clock clock) {
        OutboxDao dao = handles.onDemand(OutboxDao.class);
        Gauge.builder("wellplan.outbox.pending", dao, OutboxDao::pendingCount)
                .description("outbox events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("wellplan.outbox.oldest.age", dao, d -> ageSeconds(d.oldestPending(), clock))
                .description("age of the oldest outbox event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
    }

    private static double ageSeconds(Instant oldest, Clock clock) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
