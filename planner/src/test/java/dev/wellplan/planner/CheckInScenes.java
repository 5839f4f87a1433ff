package dev.wellplan.planner;

import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.rules.Hold;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

/**
 * Plans part-way through their four weeks, for the check-in and alert tests. An enrollment starts today at the
 * earliest, so a plan whose sessions lie in the past is made by moving a real plan's days back in the database:
 * every item, the plan's dates and the assessment's start, by whole days, so each keeps its wall-clock time.
 */
public final class CheckInScenes {

    private CheckInScenes() {
    }

    /** A plan of the seeded coach, confirmed and active. */
    public static String activePlan() {
        String id = Api.confirmedPlanOfCoach(Assessments.valid());
        Api.asCoach().get("/api/plans/" + id).then().body("status", equalTo("ACTIVE"));
        return id;
    }

    /** Moves the plan back by whole days until {@code sessionId} started at least {@code ago} before now (at most a day more). */
    public static void sessionAgo(String planId, String sessionId, Duration ago) {
        Plan plan = plan(planId);
        PlanItem session = plan.item(sessionId).orElseThrow();
        Instant start = ZonedDateTime.of(session.start(), plan.timeZone()).toInstant();
        Instant latest = Arc.container().instance(Clock.class).get().instant().minus(ago);
        long minutes = Duration.between(latest, start).toMinutes();
        shift(planId, minutes <= 0 ? 0 : (int) ((minutes + 24 * 60 - 1) / (24 * 60)));
    }

    /** When the plan's item {@code itemId} starts, in the plan's zone. */
    public static Instant startOf(String planId, String itemId) {
        Plan plan = plan(planId);
        return ZonedDateTime.of(plan.item(itemId).orElseThrow().start(), plan.timeZone()).toInstant();
    }

    /** Moves the plan back by whole days until its last day is {@code days} from today in its zone (negative: ago). */
    public static void endsIn(String planId, int days) {
        Plan plan = plan(planId);
        LocalDate today = LocalDate.ofInstant(Arc.container().instance(Clock.class).get().instant(), plan.timeZone());
        shift(planId, (int) ChronoUnit.DAYS.between(today.plusDays(days), plan.endDate()));
    }

    /** Moves every date and time of the plan {@code days} earlier. */
    public static void shift(String planId, int days) {
        Plan plan = plan(planId);
        List<PlanItem> items = plan.items().stream().map(i -> new PlanItem(i.id(), i.kind(), i.start().minusDays(days),
                i.durationMinutes(), i.title(), i.massage(), i.exercises(), i.rules(), i.held())).toList();
        List<Hold> holds = plan.holds().stream().map(h -> new Hold(h.from().minusDays(days),
                h.until() == null ? null : h.until().minusDays(days))).toList();
        Plan moved = new Plan(plan.status(), plan.timeZone(), plan.startDate().minusDays(days),
                plan.endDate().minusDays(days), items, plan.guidance(), plan.unmetPreferences(), plan.urgency(), holds,
                plan.addedItems());
        String body = documents().write(moved);
        jdbi().useHandle(h -> h.createUpdate("""
                        UPDATE planner.plan SET body = CAST(:body AS jsonb), start_date = :start, end_date = :end,
                               assessment = jsonb_set(assessment, '{startDate}', to_jsonb(CAST(:start AS text)))
                        WHERE id = :id""")
                .bind("body", body).bind("start", moved.startDate()).bind("end", moved.endDate())
                .bind("id", UUID.fromString(planId)).execute());
    }

    /**
     * A pending AFT-3 proposal on the plan: cleared by an admin if it awaits clearance, its first session moved 48
     * hours or more into the past, and an admin's check-in on it reporting soreness. Returns the proposal's id.
     */
    public static String proposal(String planId) {
        String status = Api.asAdmin().get("/api/plans/" + planId).then().extract().path("status");
        if (status.equals("AWAITING_CLEARANCE")) {
            Api.asAdmin().body("{}").post("/api/plans/" + planId + "/clearance").then().statusCode(200);
        }
        sessionAgo(planId, "massage-1", Duration.ofHours(48));
        return Api.asAdmin().contentType(ContentType.JSON)
                .body("{\"itemId\": \"massage-1\", \"soreness\": 4, \"pain\": 2}")
                .post("/api/plans/" + planId + "/check-ins").then().statusCode(201).extract().path("proposalId");
    }

    /** The plan's ETag as GET /api/plans/{id} sends it. */
    public static String etag(String planId) {
        return Api.asAdmin().get("/api/plans/" + planId).then().statusCode(200).extract().header("ETag");
    }

    /** An alert a coach clears by hand, raised on the plan: its id. */
    public static String alert(String planId) {
        String reminder = "reminder-" + UUID.randomUUID();
        Arc.container().instance(Alerts.class).get()
                .raise(UUID.fromString(planId), AlertKind.DELIVERY_FAILED, reminder, "CHECK_IN", null);
        return jdbi().withHandle(h -> h.createQuery("SELECT id FROM planner.alert WHERE plan_id = :id AND subject = :s")
                .bind("id", UUID.fromString(planId)).bind("s", reminder).mapTo(UUID.class).one()).toString();
    }

    /** The plan's events, as the outbox holds them, oldest first. */
    public static List<String> events(String planId) {
        return jdbi().withHandle(h -> h.createQuery(
                        "SELECT payload FROM planner.outbox WHERE aggregate_id = :id ORDER BY seq")
                .bind("id", UUID.fromString(planId)).mapTo(String.class).list());
    }

    private static Plan plan(String planId) {
        String body = jdbi().withHandle(h -> h.createQuery("SELECT body::text FROM planner.plan WHERE id = :id")
                .bind("id", UUID.fromString(planId)).mapTo(String.class).one());
        return documents().readPlan(body);
    }

    private static Jdbi jdbi() {
        return Arc.container().instance(Jdbi.class).get();
    }

    private static PlanDocuments documents() {
        return Arc.container().instance(PlanDocuments.class).get();
    }
}
