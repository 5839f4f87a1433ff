package dev.wellplan.planner.plan.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.support.TransactionHandles;

/** Records a plan event in the caller's transaction; the relay publishes it as soon as that commits. */
@ApplicationScoped
public class Outbox {

    private final OutboxDao dao;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(TransactionHandles handles, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.dao = handles.onDemand(OutboxDao.class);
        this.relay = relay;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PlanEvent event) {
        dao.insert(event.eventId(), event.planId(), event.type().name(), PlanEventCodec.toJson(event),
                event.occurredAt());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp(); // publish now rather than at the next poll
                }
            }
        });
    }
}
