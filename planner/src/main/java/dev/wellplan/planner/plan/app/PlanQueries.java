package dev.wellplan.planner.plan.app;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.refusal.Refusal;

/** Reads plans and their history; each read is one statement, so it needs no transaction of its own. */
@ApplicationScoped
public class PlanQueries {

    private final PlanDao plans;
    private final PlanDocuments documents;

    public PlanQueries(Jdbi jdbi, PlanDocuments documents) {
        this.plans = jdbi.onDemand(PlanDao.class);
        this.documents = documents;
    }

    /** The plan's newest version. */
    public PlanView plan(UUID id) {
        return plans.findPlan(id).map(row -> PlanView.of(row.id(), row.version(), row.status(), row.coachId(),
                        documents.readPlan(row.body())))
                .orElseThrow(() -> Refusal.NotFound.plan(id));
    }

    /** What the plan's client answered at enrollment, and their name: for the coach's plan page. */
    public AssessmentSummary assessment(UUID id) {
        return plans.findAssessment(id)
                .map(row -> AssessmentSummary.of(row.clientName(), documents.readAssessment(row.assessment())))
                .orElseThrow(() -> Refusal.NotFound.plan(id));
    }

    /** Every version of the plan, oldest first. */
    public List<HistoryEntry> history(UUID id) {
        List<HistoryEntry> entries = plans.revisions(id).stream()
                .map(r -> new HistoryEntry(r.version(), r.status(), r.eventType(), r.actor(), r.reason(), r.createdAt()))
                .toList();
        if (entries.isEmpty()) {
            throw Refusal.NotFound.plan(id);
        }
        return entries;
    }
}
