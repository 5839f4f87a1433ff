package dev.wellplan.planner.plan.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.wellplan.support.TransactionHandles;

/**
 * Kafka as the planner's readiness sees it: through the outbox relay, answered at once. The
 * planner stays ready while the broker is away, because enrollments only need the database
 * (invariant 1: the outbox keeps their events until the broker is back); the check shows the
 * broker's state and the backlog, so an operator sees the outage without the load balancer
 * turning clients away. (Quarkus's own Kafka check is off here: it blocked the readiness
 * endpoint for as long as the broker was unreachable.)
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxDao dao;

    public OutboxHealth(OutboxRelay relay, TransactionHandles handles) {
        this.relay = relay;
        this.dao = handles.onDemand(OutboxDao.class);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kafka-outbox").up()
                .withData("broker", relay.brokerDown() ? "unreachable: events wait in the outbox" : "publishing")
                .withData("pendingEvents", dao.pendingCount())
                .build();
    }
}
