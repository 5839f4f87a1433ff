package dev.wellplan.planner.calendar;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import dev.wellplan.calendar.PlanCalendar;
import dev.wellplan.planner.plan.outbox.PlanEvents;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.plan.store.PlanRow;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.Plan;
import dev.wellplan.support.TransactionHandles;

/**
 * A plan's newest version as an RFC 5545 calendar (METHOD:PUBLISH) that calendar apps subscribe to (the
 * signed link that opens it is checked by the route's access rule). The snapshot is the one the plan's
 * events carry, so the feed and the notifier's attachments describe the same events with the same UIDs.
 * DTSTAMP is when the version was saved: the feed of one version is the same text at every poll.
 */
@ApplicationScoped
public class CalendarFeed {

    /** The purpose of a calendar link's token; the notifier signs it with the plan id as subject. */
    public static final String PURPOSE = "calendar";
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";

    /** One version of the feed: its text and the plan version it shows (the ETag). */
    public record Feed(long version, String ics) {
    }

    private final PlanDao plans;
    private final PlanDocuments documents;

    public CalendarFeed(TransactionHandles handles, PlanDocuments documents) {
        this.plans = handles.onDemand(PlanDao.class);
        this.documents = documents;
    }

    public Optional<Feed> feed(UUID planId) {
        return plans.findPlan(planId).map(this::feed);
    }

    private Feed feed(PlanRow row) {
        Plan plan = documents.readPlan(row.body());
        PlanDao.ClientRow client = plans.client(row.clientId());
        // quiet hours matter to reminders, not to a calendar: the snapshot goes without them
        var snapshot = PlanEvents.snapshot(row.id(), row.version(), row.status(), row.clientId(),
                new Client(client.name(), client.email(), plan.timeZone()), null, row.coachId(), plan);
        return new Feed(row.version(), PlanCalendar.of(snapshot, row.updatedAt()));
    }
}
