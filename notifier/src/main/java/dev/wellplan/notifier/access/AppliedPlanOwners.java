package dev.wellplan.notifier.access;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.access.PlanOwners;

/**
 * Whose plan it is, as the newest plan event the notifier applied says ({@code coachId} of its snapshot, which
 * {@code PlanAssigned} events keep current): the notifier never asks the planner. A plan it has not applied is
 * unknown here, so its reminders are a 404 to coaches, as for a plan that does not exist.
 */
@ApplicationScoped
public class AppliedPlanOwners implements PlanOwners {

    /** The plan's coach as a row, so that "no such plan" (no row) and "the pool" (a null coach) differ. */
    public record Assignment(String coachId) {
    }

    interface Dao {
        /** {@code coach_id} is kept by PostgreSQL from the snapshot (migration V5), so no snapshot is parsed. */
        @SqlQuery("SELECT coach_id FROM notifier.plan_state WHERE plan_id = :planId")
        @RegisterConstructorMapper(Assignment.class)
        Optional<Assignment> assignment(@Bind("planId") UUID planId);
    }

    private final Dao dao;

    public AppliedPlanOwners(TransactionHandles handles) {
        this.dao = handles.onDemand(Dao.class);
    }

    @Override
    public Optional<Owner> owner(UUID planId) {
        return dao.assignment(planId).map(a -> new Owner(a.coachId()));
    }
}
