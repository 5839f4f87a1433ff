package dev.wellplan.planner.plan.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.Exercise;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;
import dev.wellplan.rules.QuietHours;

/** Builds the contract's events from the rules' plan: the full snapshot, every time. */
public final class PlanEvents {

    private static final String AWAITING_CLEARANCE = "AWAITING_CLEARANCE";

    private PlanEvents() {
    }

    /** {@code status} is the status the plan shows (the rules' status once its client confirmed it). */
    public static PlanEvent of(PlanEventType type, UUID planId, long version, String status, UUID clientId,
                               Client client, QuietHours quietHours, String coachId, Plan plan, Instant at,
                               PlanEvent.Change change) {
        return of(type, planId, version, status, clientId, client, quietHours, coachId, null, plan, at, change);
    }

    /**
     * An event of a plan that may await clearance: {@code awaitingClearanceSince} is the version at which it last
     * entered {@code AWAITING_CLEARANCE} ({@code PlanDao.awaitingClearanceSince}), written only in that status.
     */
    public static PlanEvent of(PlanEventType type, UUID planId, long version, String status, UUID clientId,
                               Client client, QuietHours quietHours, String coachId, Long awaitingClearanceSince,
                               Plan plan, Instant at, PlanEvent.Change change) {
        return new PlanEvent(UUID.randomUUID(), type, PlanEvent.SCHEMA_VERSION, planId, version, at, change,
                snapshot(planId, version, status, clientId, client, quietHours, coachId, awaitingClearanceSince, plan));
    }

    /** The plan at {@code version} as the contract shows it: in every event, and in the calendar feed. */
    public static PlanSnapshot snapshot(UUID planId, long version, String status, UUID clientId, Client client,
                                        QuietHours quietHours, String coachId, Plan plan) {
        return snapshot(planId, version, status, clientId, client, quietHours, coachId, null, plan);
    }

    /** {@link #snapshot(UUID, long, String, UUID, Client, QuietHours, String, Plan)} with its clearance episode. */
    public static PlanSnapshot snapshot(UUID planId, long version, String status, UUID clientId, Client client,
                                        QuietHours quietHours, String coachId, Long awaitingClearanceSince,
                                        Plan plan) {
        Long since = AWAITING_CLEARANCE.equals(status) ? awaitingClearanceSince : null;
        return new PlanSnapshot(planId, version, status,
                new PlanSnapshot.Client(clientId, client.name(), client.email()), plan.timeZone().getId(),
                plan.startDate(), plan.endDate(),
                quietHours == null ? null : new PlanSnapshot.QuietHours(quietHours.from(), quietHours.to()),
                plan.urgency() == null ? null : plan.urgency().name(), coachId, since,
                plan.items().stream().map(PlanEvents::item).toList());
    }

    private static PlanSnapshot.Item item(PlanItem item) {
        List<String> exercises = item.exercises() == null ? List.of()
                : item.exercises().stream().map(Exercise::name).toList();
        return new PlanSnapshot.Item(item.id(), item.kind().name(), item.start(), item.durationMinutes(), item.title(),
                item.massage() == null ? null : item.massage().type().name(),
                item.massage() == null ? null : item.massage().pressure().name(),
                exercises, item.rules(), item.held());
    }
}
