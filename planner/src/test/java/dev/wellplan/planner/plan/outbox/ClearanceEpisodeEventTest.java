package dev.wellplan.planner.plan.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.plan.app.PlanChanges;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code plan.awaitingClearanceSince}: the version at which the plan last entered AWAITING_CLEARANCE, kept by every
 * later version in that status, gone once it is cleared, and new for the next episode, so the notifier can send the
 * see-a-doctor notice once per episode.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ClearanceEpisodeEventTest {

    @Inject
    Jdbi jdbi;

    @Inject
    PlanChanges changes;

    @Test
    void each_clearance_episode_has_the_version_it_began_at_in_every_event_of_it() {
        UUID id = UUID.fromString(Api.confirmedPlanOfCoach(Assessments.withRedFlags("[\"NUMBNESS\"]")));
        change(id, PlanEventType.PlanAdjusted, current -> current.plan());   // v3, still awaiting
        Api.asCoach().contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance").then().statusCode(200);   // v4, cleared
        change(id, PlanEventType.PlanStatusChanged, current -> awaiting(current.plan()));   // v5, a second red flag
        change(id, PlanEventType.PlanAdjusted, current -> current.plan());   // v6
        QuarkusTransaction.requiringNew().run(() -> changes.announce(id, PlanEventType.AccessLinkRequested, "links"));

        List<PlanEvent> events = outbox(id);

        assertThat(events).extracting(e -> e.plan().version(), e -> e.plan().status(),
                e -> e.plan().awaitingClearanceSince()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "PENDING_CONFIRMATION", null),
                        org.assertj.core.groups.Tuple.tuple(2L, "AWAITING_CLEARANCE", 2L),
                        org.assertj.core.groups.Tuple.tuple(3L, "AWAITING_CLEARANCE", 2L),
                        org.assertj.core.groups.Tuple.tuple(4L, "ACTIVE", null),
                        org.assertj.core.groups.Tuple.tuple(5L, "AWAITING_CLEARANCE", 5L),
                        org.assertj.core.groups.Tuple.tuple(6L, "AWAITING_CLEARANCE", 5L),
                        org.assertj.core.groups.Tuple.tuple(6L, "AWAITING_CLEARANCE", 5L));
    }

    private void change(UUID id, PlanEventType type, java.util.function.Function<PlanChanges.Current, Plan> rule) {
        QuarkusTransaction.requiringNew().run(() -> changes.change(id,
                new PlanChanges.Change(type, "coach", "coach", "a test change", "a test change", false), rule));
    }

    private static Plan awaiting(Plan p) {
        return new Plan(PlanStatus.AWAITING_CLEARANCE, p.timeZone(), p.startDate(), p.endDate(), p.items(),
                p.guidance(), p.unmetPreferences(), p.urgency(), p.holds(), p.addedItems());
    }

    private List<PlanEvent> outbox(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payload FROM planner.outbox WHERE aggregate_id = :id ORDER BY seq")
                .bind("id", planId).mapTo(String.class).list()).stream().map(PlanEventCodec::fromJson).toList();
    }
}
