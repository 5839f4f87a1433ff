package dev.wellplan.planner.plan.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.contract.ContractSchema;
import dev.wellplan.contract.PlanEventContract;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the planner writes to the outbox is the contract by example: valid against the contract's schema and
 * of the same shape, field for field, as the golden sample of its type that the notifier's tests read.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class EventContractTest {

    @Inject
    Jdbi jdbi;

    @Test
    void enrollment_and_clearance_write_events_shaped_like_the_golden_samples() {
        String id = Api.confirmedPlanOfCoach(Assessments.withRedFlags("[\"TINGLING\"]"));
        Api.asCoach().contentType(ContentType.JSON).body("{}")
                .when().post("/api/plans/" + id + "/clearance").then().statusCode(200);

        List<JsonNode> events = outbox(UUID.fromString(id));

        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly(PlanEventType.PlanCreated.name(), PlanEventType.PlanStatusChanged.name(),
                        PlanEventType.PlanStatusChanged.name());
        for (JsonNode event : events) {
            String sample = PlanEventContract.sampleName(PlanEventType.valueOf(event.get("type").asText()));
            assertThat(ContractSchema.violations(event)).as(sample).isEmpty();
            assertThat(fieldPaths(event)).as("a %s has every field of %s", event.get("type"), sample)
                    .containsAll(fieldPaths(ContractSchema.parse(PlanEventContract.sample(sample))))
                    .as("and no field that no golden sample shows").isSubsetOf(goldenFieldPaths());
        }
    }

    /** The fields of all golden samples together: a field one sample leaves null, another shows in full. */
    private static Set<String> goldenFieldPaths() {
        Set<String> paths = new TreeSet<>();
        PlanEventContract.SAMPLE_NAMES.forEach(name -> paths.addAll(fieldPaths(ContractSchema.parse(
                PlanEventContract.sample(name)))));
        return paths;
    }

    private List<JsonNode> outbox(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT payload FROM planner.outbox WHERE aggregate_id = :id ORDER BY seq")
                .bind("id", planId).mapTo(String.class).list()).stream().map(ContractSchema::parse).toList();
    }

    /** Every field path of a JSON document, array positions folded: {@code plan.items[].kind}. */
    static Set<String> fieldPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String child = path.isEmpty() ? name : path + "." + name;
                paths.add(child);
                collect(node.get(name), child, paths);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, path + "[]", paths));
        }
    }
}
