package dev.wellplan.planner.plan.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;

/** Records a plan event in the caller's transaction; the relay publishes it after commit. */
@ApplicationScoped
public class Outbox {

    private final OutboxDao dao;

    public Outbox(Jdbi jdbi) {
        this.dao = jdbi.onDemand(OutboxDao.class);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PlanEvent event) {
        dao.insert(event.eventId(), event.planId(), event.type().name(), PlanEventCodec.toJson(event),
                event.occurredAt());
    }
}
