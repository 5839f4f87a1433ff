package dev.wellplan.planner.plan.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.planner.plan.api.PlanView;
import dev.wellplan.planner.plan.store.PlanDao;

/** Reads plans for the API. */
@ApplicationScoped
public class PlanQueries {

    private final PlanDao plans;
    private final PlanDocuments documents;

    public PlanQueries(Jdbi jdbi, PlanDocuments documents) {
        this.plans = jdbi.onDemand(PlanDao.class);
        this.documents = documents;
    }

    public java.util.List<PlanDao.Revision> history(UUID id) {
        return plans.revisions(id);
    }

    public Optional<PlanView> find(UUID id) {
        return plans.findPlan(id).map(row -> PlanView.of(row.id(), row.version(), documents.readPlan(row.body())));
    }
}
