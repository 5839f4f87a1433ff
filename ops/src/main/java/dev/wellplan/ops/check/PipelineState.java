package dev.wellplan.ops.check;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanSnapshot;

/**
 * What one read-only transaction saw of both schemas: the planner's outbox and plans, the notifier's applied plans,
 * its reminder ledger and, per plan with a sent reminder, the versions it applied and when.
 */
record PipelineState(Outbox outbox, Map<UUID, PlannerPlan> plans, Map<UUID, AppliedPlan> applied,
                     List<Reminder> reminders, Map<UUID, List<AppliedVersion>> timelines, boolean reminderIdUnique) {

    /** The outbox: all rows, the unpublished ones, and published events the notifier has no record of. */
    record Outbox(long events, long pending, Instant oldestPending, List<OutboxRow> unpublished,
                  List<OutboxRow> notConsumed) {
    }

    /** One outbox row; {@code at} is when it was written (unpublished) or published. */
    record OutboxRow(UUID eventId, UUID planId, String eventType, Instant at) {
    }

    /** The planner's plan as it stands now. */
    record PlannerPlan(UUID id, long version, String status, Map<String, Item> items) {
    }

    /** The plan event the notifier applied last for a plan: the newest version it reconciled the ledger to. */
    record AppliedPlan(UUID id, long version, String status, Instant updatedAt, PlanEvent event, ZoneId zone,
                       Map<String, Item> items) {

        /** @throws java.time.DateTimeException when the snapshot's time zone is unknown to this JVM */
        static AppliedPlan of(UUID id, long version, String status, Instant updatedAt, PlanEvent event) {
            Map<String, Item> items = new TreeMap<>();
            for (PlanSnapshot.Item item : event.plan().items()) {
                items.put(item.id(), new Item(item.id(), item.kind(), item.start()));
            }
            return new AppliedPlan(id, version, status, updatedAt, event, ZoneId.of(event.plan().timeZone()), items);
        }
    }

    /** What the planner and the notifier must agree on about one item: its kind and local start. */
    record Item(String id, String kind, LocalDateTime start) {

        boolean startsAfter(Instant now, ZoneId zone) {
            return start != null && ZonedDateTime.ofLocal(start, zone, null).toInstant().isAfter(now);
        }
    }

    /** One row of the reminder ledger. */
    record Reminder(String id, UUID planId, String itemId, String kind, String status, long planVersion,
                    Instant dueAt, Instant sentAt, String messageId, Instant claimedAt, String lastError) {

        /** Not sent, skipped, failed or cancelled yet: the dispatcher may still send it. */
        boolean pending() {
            return "SCHEDULED".equals(status) || "SENDING".equals(status);
        }
    }

    /** One version the notifier applied, when, and the status it had (from the planner's revisions). */
    record AppliedVersion(long version, Instant at, String status) {
    }
}
