package dev.wellplan.planner.plan.api;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.planner.Api;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Adjustments as a coach's client sends them, and what the tests read back: the plan, its items, its events. */
final class Adjust {

    private Adjust() {
    }

    /** {@code POST /api/plans/{id}/adjustments} as {@code caller}, with {@code If-Match: "<version>"} (none when null). */
    static Response post(RequestSpecification caller, String planId, Long version, String body) {
        RequestSpecification request = caller.contentType(ContentType.JSON).body(body);
        if (version != null) {
            request = request.header("If-Match", "\"" + version + "\"");
        }
        return request.when().post("/api/plans/" + planId + "/adjustments");
    }

    static Response asCoach(String planId, long version, String body) {
        return post(Api.asCoach(), planId, version, body);
    }

    /** A body with a reason, the client told, and these operations (JSON objects). */
    static String body(String... operations) {
        return body(false, true, operations);
    }

    static String body(boolean dryRun, boolean notifyClient, String... operations) {
        return """
                {"reason": "client asked to move Saturday's session", "notifyClient": %s, "dryRun": %s,
                 "operations": [%s]}""".formatted(notifyClient, dryRun, String.join(", ", operations));
    }

    static String moveItem(String itemId, LocalDateTime to) {
        return """
                {"op": "moveItem", "itemId": "%s", "date": "%s", "time": "%s"}""".formatted(itemId, to.toLocalDate(),
                to.toLocalTime());
    }

    /** The plan's version, as its ETag says. */
    static long version(String planId) {
        return Long.parseLong(Api.asAdmin().get("/api/plans/" + planId).header("ETag").replace("\"", ""));
    }

    /** When an item of the plan's newest version starts. */
    static LocalDateTime start(String planId, String itemId) {
        String start = Api.asAdmin().get("/api/plans/" + planId).then().statusCode(200).extract()
                .path("items.find { it.id == '" + itemId + "' }.start");
        return LocalDateTime.parse(start);
    }

    /** Every event the plan's changes put in the outbox, oldest first. */
    static List<PlanEvent> events(Jdbi jdbi, String planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payload FROM planner.outbox WHERE aggregate_id = :id ORDER BY seq")
                .bind("id", UUID.fromString(planId)).mapTo(String.class).list()).stream()
                .map(PlanEventCodec::fromJson).toList();
    }
}
