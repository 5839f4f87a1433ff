package dev.wellplan.planner.plan.app;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.access.app.Accounts;
import dev.wellplan.planner.refusal.Refusal;

/**
 * Whose plan it is: a plan belongs to one coach or to the clinic's unassigned pool. A coach claims a plan from the
 * pool; an admin assigns, reassigns or returns it to the pool. Each is a new version of the plan (its history shows
 * who and when), which the client is not told about.
 */
@ApplicationScoped
public class Assignments {

    private final PlanChanges changes;
    private final PlanQueries queries;
    private final Accounts accounts;

    public Assignments(PlanChanges changes, PlanQueries queries, Accounts accounts) {
        this.changes = changes;
        this.queries = queries;
        this.accounts = accounts;
    }

    /**
     * A coach takes a plan from the pool; claiming one's own plan again changes nothing.
     *
     * @throws Refusal.Conflict when another coach has it
     */
    @Transactional
    public PlanView claim(UUID planId, Actor coach) {
        PlanView plan = queries.plan(planId);
        if (coach.id().equals(plan.coachId())) {
            return plan;
        }
        var change = new PlanChanges.Change(PlanEventType.PlanAssigned, coach.name(), coach.id(),
                "claimed from the unassigned pool", "claimed from the unassigned pool", true);
        return changes.reassign(planId, change, current -> {
            if (current.coachId() != null && !current.coachId().equals(coach.id())) {
                throw new Refusal.Conflict("plan " + planId + " is assigned to another coach");
            }
            return coach.id();
        });
    }

    /**
     * An admin gives the plan to the coach {@code coachId} (an enabled coach account), or back to the pool (null).
     *
     * @throws Refusal.Invalid when {@code coachId} names no enabled coach
     */
    @Transactional
    public PlanView assign(UUID planId, String coachId, Actor admin) {
        if (coachId != null && !accounts.isEnabledCoach(coachId)) {
            throw Refusal.Invalid.of("coachId", "names no enabled coach account");
        }
        PlanView plan = queries.plan(planId);
        if (Objects.equals(coachId, plan.coachId())) {
            return plan;
        }
        String note = coachId == null ? "returned to the unassigned pool" : "assigned to a coach";
        var change = new PlanChanges.Change(PlanEventType.PlanAssigned, admin.name(), admin.id(), note, note, true);
        return changes.reassign(planId, change, current -> coachId);
    }
}
