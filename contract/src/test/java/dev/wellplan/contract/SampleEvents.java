package dev.wellplan.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Events built in Java, the way a producer builds them: every field set, or every optional field left empty. */
final class SampleEvents {

    static final UUID PLAN_ID = UUID.fromString("11111111-2222-4333-8444-555555555555");

    private SampleEvents() {
    }

    static PlanEvent full(PlanEventType type) {
        long version = type == PlanEventType.PlanCreated ? 1 : 4;
        PlanEvent.Change change = type == PlanEventType.PlanCreated ? PlanEvent.Change.none()
                : new PlanEvent.Change("coach", "moved a session", type == PlanEventType.PlanAdjusted,
                        type == PlanEventType.CheckInRecorded ? PlanEvent.Cause.CLIENT : PlanEvent.Cause.COACH);
        boolean awaiting = type == PlanEventType.PlanStatusChanged;
        PlanSnapshot plan = new PlanSnapshot(PLAN_ID, version, awaiting ? "AWAITING_CLEARANCE" : "ACTIVE",
                new PlanSnapshot.Client(UUID.fromString("66666666-7777-4888-9999-000000000000"), "Test Client",
                        "test@example.com"),
                "Europe/Lisbon", LocalDate.parse("2026-03-23"), LocalDate.parse("2026-04-19"),
                new PlanSnapshot.QuietHours(LocalTime.of(22, 30), LocalTime.of(6, 45)), "NONE",
                "5d6c7b8a-9e0f-4a1b-8c2d-3e4f5a6b7c8d", awaiting ? 3L : null,
                List.of(new PlanSnapshot.Item("massage-1", "MASSAGE", LocalDateTime.parse("2026-03-29T10:00"), 50,
                                "Swedish massage", "SWEDISH", "MEDIUM", List.of(), List.of("MAS-1")),
                        new PlanSnapshot.Item("strength-w1-d1", "STRENGTH", LocalDateTime.parse("2026-03-24T07:30"), 30,
                                "Posterior-chain strength", null, null, List.of("Glute bridge", "Bird dog"),
                                List.of("ACT-1", "ACT-2")),
                        new PlanSnapshot.Item("strength-w2-d1", "STRENGTH", LocalDateTime.parse("2026-03-31T07:30"), 30,
                                "Posterior-chain strength", null, null, List.of("Glute bridge"),
                                List.of("ACT-1", "ACT-2"), true)));
        PlanEvent.CheckIn checkIn = type == PlanEventType.CheckInRecorded ? new PlanEvent.CheckIn("massage-1", true)
                : null;
        return new PlanEvent(UUID.randomUUID(), type, PlanEvent.SCHEMA_VERSION, PLAN_ID, version,
                Instant.parse("2026-03-20T12:34:56.789Z"), change, plan, checkIn);
    }

    /** Everything that may be null or empty, is. */
    static PlanEvent sparse(PlanEventType type) {
        PlanSnapshot plan = new PlanSnapshot(PLAN_ID, 1, "AWAITING_CLEARANCE",
                new PlanSnapshot.Client(UUID.randomUUID(), "", "x@y.z"), "UTC",
                LocalDate.parse("2026-03-23"), LocalDate.parse("2026-04-19"), null, null, null);
        PlanEvent.CheckIn checkIn = type == PlanEventType.CheckInRecorded ? new PlanEvent.CheckIn(null, false) : null;
        return new PlanEvent(UUID.randomUUID(), type, PlanEvent.SCHEMA_VERSION, PLAN_ID, 1,
                Instant.parse("2026-03-20T12:00:00Z"), null, plan, checkIn);
    }
}
