package dev.wellplan.planner.access.app;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.access.PlanOwners;

/** Whose plan it is, as the planner's plans say: what the access rules of its plan routes ask. */
@ApplicationScoped
public class PlanOwnership implements PlanOwners {

    private final PlanDao plans;

    public PlanOwnership(TransactionHandles handles) {
        this.plans = handles.onDemand(PlanDao.class);
    }

    @Override
    public Optional<Owner> owner(UUID planId) {
        return plans.ownership(planId).map(row -> new Owner(row.coachId(), row.linksNotBefore()));
    }
}
