package dev.wellplan.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;

/** Plan events built in Java for tests: a massage or strength item, and an event around a list of items. */
public final class TestEvents {

    private TestEvents() {
    }

    public static PlanSnapshot.Item massage(String id, LocalDateTime start) {
        return new PlanSnapshot.Item(id, "MASSAGE", start, 50, "Swedish massage", "SWEDISH", "MEDIUM", List.of(),
                List.of("MAS-1"));
    }

    public static PlanSnapshot.Item strength(String id, LocalDateTime start) {
        return new PlanSnapshot.Item(id, "STRENGTH", start, 30, "Strength", null, null,
                List.of("Glute bridge", "Bird dog"), List.of("ACT-1"));
    }

    public static PlanEvent event(UUID planId, long version, PlanEventType type, String status, String zone,
                                  Instant at, List<PlanSnapshot.Item> items) {
        LocalDate start = items.isEmpty() ? LocalDate.of(2026, 12, 7) : items.get(0).start().toLocalDate();
        PlanSnapshot plan = new PlanSnapshot(planId, version, status,
                new PlanSnapshot.Client(UUID.nameUUIDFromBytes(planId.toString().getBytes()), "Test Client",
                        "client-" + planId + "@example.com"),
                zone, start, start.plusDays(27), new PlanSnapshot.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)),
                "NONE", items);
        return new PlanEvent(UUID.randomUUID(), type, PlanEvent.SCHEMA_VERSION, planId, version, at,
                PlanEvent.Change.none(), plan);
    }

    /**
     * {@code event} with its plan {@code AWAITING_CLEARANCE} since version {@code since} (null: a producer that does
     * not say), urgency {@code SEE_DOCTOR}, as the planner writes a plan the safety gate holds.
     */
    public static PlanEvent awaitingClearance(PlanEvent event, Long since) {
        PlanSnapshot p = event.plan();
        PlanSnapshot plan = new PlanSnapshot(p.planId(), p.version(), "AWAITING_CLEARANCE", p.client(), p.timeZone(),
                p.startDate(), p.endDate(), p.quietHours(), "SEE_DOCTOR", p.coachId(), since, p.items());
        return new PlanEvent(event.eventId(), event.type(), event.schemaVersion(), event.planId(), event.planVersion(),
                event.occurredAt(), event.change(), plan, event.checkIn());
    }

    /** A coach's task to record clearance, at {@code start}. */
    public static PlanSnapshot.Item clearance(LocalDateTime start) {
        return new PlanSnapshot.Item("clearance", "CLEARANCE", start, 0, "Coach: record medical clearance", null, null,
                List.of(), List.of("SAFE-1", "SAFE-3"));
    }
}
