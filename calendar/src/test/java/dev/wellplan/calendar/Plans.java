package dev.wellplan.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import dev.wellplan.contract.PlanSnapshot;

/** Plan snapshots for the calendar tests. */
final class Plans {

    static final UUID PLAN_ID = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    private Plans() {
    }

    /**
     * A Lisbon plan across the end of summer time (Sunday 25 October 2026, 02:00 WEST becomes 01:00 WET):
     * the first session is at UTC+1, the second at UTC+0, both at 10:00 local.
     */
    static PlanSnapshot acrossDstEnd(long version, String status) {
        return new PlanSnapshot(PLAN_ID, version, status,
                new PlanSnapshot.Client(UUID.fromString("3c2b1a0f-8e7d-4c5b-9a43-928170a6f5e4"), "Ana Souza",
                        "ana@example.com"),
                "Europe/Lisbon", LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 15),
                new PlanSnapshot.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)), "NONE",
                List.of(massage("massage-1", at(10, 20, 10, 0)),
                        item("massage-1-aftercare", "AFTERCARE", at(10, 20, 11, 50), 15, List.of(), "AFT-1"),
                        item("massage-1-checkin-24h", "CHECK_IN", at(10, 21, 10, 0), 5, List.of(), "AFT-2"),
                        item("strength-w1-d1", "STRENGTH", at(10, 22, 7, 30), 30,
                                List.of("Glute bridge", "Bird dog", "Romanian deadlift (light)"), "ACT-1"),
                        item("self-massage-w1-d1", "SELF_MASSAGE", at(10, 23, 19, 0), 10, List.of(), "ACT-3"),
                        massage("massage-2", at(11, 3, 10, 0)),
                        item("clearance", "CLEARANCE", at(10, 19, 9, 0), 15, List.of(), "SAFE-3"),
                        item("review", "REVIEW", at(11, 15, 18, 0), 15, List.of(), "LIF-2")));
    }

    static PlanSnapshot onlyCoachTasks() {
        PlanSnapshot plan = acrossDstEnd(1, "AWAITING_CLEARANCE");
        return new PlanSnapshot(plan.planId(), 1, plan.status(), plan.client(), plan.timeZone(), plan.startDate(),
                plan.endDate(), plan.quietHours(), "SEEK_CARE_TODAY",
                plan.items().stream().filter(i -> i.kind().equals("CLEARANCE")).toList());
    }

    static PlanSnapshot withItems(PlanSnapshot plan, long version, List<PlanSnapshot.Item> items) {
        return new PlanSnapshot(plan.planId(), version, plan.status(), plan.client(), plan.timeZone(),
                plan.startDate(), plan.endDate(), plan.quietHours(), plan.urgency(), items);
    }

    static PlanSnapshot.Item massage(String id, LocalDateTime start) {
        return new PlanSnapshot.Item(id, "MASSAGE", start, 50, "Swedish massage, 50 min, medium pressure", "SWEDISH",
                "MEDIUM", List.of(), List.of("MAS-1", "MAS-2", "MAS-3", "MAS-5"));
    }

    static PlanSnapshot.Item item(String id, String kind, LocalDateTime start, int minutes, List<String> exercises,
                                  String rule) {
        return new PlanSnapshot.Item(id, kind, start, minutes, null, null, null, exercises, List.of(rule));
    }

    static LocalDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute);
    }
}
