package dev.wellplan.planner.plan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.support.TransactionHandles;

/** Reads plans and their history; each read is one statement, so it needs no transaction of its own. */
@ApplicationScoped
public class PlanQueries {

    private final PlanDao plans;
    private final PlanDocuments documents;

    public PlanQueries(TransactionHandles handles, PlanDocuments documents) {
        this.plans = handles.onDemand(PlanDao.class);
        this.documents = documents;
    }

    /** The plan's newest version. */
    public PlanView plan(UUID id) {
        return plans.findPlan(id).map(row -> PlanView.of(row.id(), row.version(), row.status(), row.coachId(),
                        documents.readPlan(row.body())))
                .orElseThrow(() -> Refusal.NotFound.plan(id));
    }

    /**
     * The plan as it was at {@code version}, with the coach it had then (null for the pool, and for versions made
     * before revisions kept their coach).
     */
    public PlanView plan(UUID id, long version) {
        return plans.revision(id, version)
                .map(r -> PlanView.of(id, r.version(), r.status(), r.coachId(), documents.readPlan(r.body())))
                .orElseThrow(() -> plans.findPlan(id).isPresent()
                        ? new Refusal.NotFound("version " + version + " of plan " + id)
                        : Refusal.NotFound.plan(id));
    }

    /** A plan and what its client answered. */
    public record PlanAndAnswers(PlanView plan, AssessmentSummary answers) {
    }

    /** The plan's newest version and what its client answered, read together: for its coach's page. */
    public PlanAndAnswers planAndAnswers(UUID id) {
        return plans.findPlanWithAssessment(id).map(row -> new PlanAndAnswers(PlanView.of(row.id(), row.version(),
                        row.status(), row.coachId(), documents.readPlan(row.body())),
                        AssessmentSummary.of(row.clientName(), documents.readAssessment(row.assessment()))))
                .orElseThrow(() -> Refusal.NotFound.plan(id));
    }

    /** Every version of the plan, oldest first, as its coach sees it. */
    public List<HistoryEntry> history(UUID id) {
        List<PlanDao.Revision> revisions = plans.revisions(id);
        if (revisions.isEmpty()) {
            throw Refusal.NotFound.plan(id);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        Plan before = null;
        for (PlanDao.Revision r : revisions) {
            Plan plan = documents.readPlan(r.body());
            entries.add(new HistoryEntry(r.version(), r.status(), r.eventType(), r.actor(), r.reason(), r.createdAt(),
                    r.silent(), r.operations() == null ? null : documents.read(r.operations(), PlanChanges.OPERATIONS),
                    r.overrides() == null ? null : documents.read(r.overrides(), PlanChanges.OVERRIDES),
                    before == null ? List.of() : PlanRules.itemChanges(before, plan)));
            before = plan;
        }
        return entries;
    }

    /** Every version of the plan, as its client may see it ({@link HistoryEntry#forClient()}). */
    public List<HistoryEntry> clientHistory(UUID id) {
        return history(id).stream().map(HistoryEntry::forClient).toList();
    }
}
