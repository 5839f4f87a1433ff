package dev.wellplan.notifier.reminder.api;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


import dev.wellplan.notifier.reminder.schedule.ReminderDao;
import dev.wellplan.support.TransactionHandles;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.problem.ProblemException;

@Path("/api/plans/{id}/reminders")
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

    private final ReminderDao dao;

    public ReminderResource(TransactionHandles handles) {
        this.dao = handles.onDemand(ReminderDao.class);
    }

    /**
     * What the notifier will send and has sent for a plan, in due order. The plan's coach and admins; and, as the
     * plan itself on the planner, any coach while it waits in the unassigned pool, to decide whether to claim it.
     */
    @GET
    @Access({Caller.ASSIGNED_COACH, Caller.POOL_COACH, Caller.ADMIN})
    public List<ReminderView> reminders(@PathParam("id") String id) {
        UUID planId;
        try {
            planId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("plan " + id); // a malformed id names no plan
        }
        List<ReminderView> reminders = dao.findByPlan(planId).stream().map(ReminderView::of).toList();
        if (reminders.isEmpty() && dao.snapshot(planId).isEmpty()) {
            throw new ProblemException(404, "Not Found", "plan " + id + " is not known to the notifier", List.of());
        }
        return reminders;
    }
}
