package dev.wellplan.planner.access.app;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.support.access.PlanOwners;

/** Whose plan it is, as the planner's plans say: what the access rules of its plan routes ask. */
@ApplicationScoped
public class PlanOwnership implements PlanOwners {

    private final PlanDao plans;

    public PlanOwnership(Jdbi jdbi) {
        this.plans = jdbi.onDemand(PlanDao.class);
    }

    @Override
    public Optional<Owner> owner(UUID planId) {
        return plans.ownership(planId).map(row -> new Owner(row.coachId(), row.linksNotBefore()));
    }
}
