package dev.wellplan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The golden samples are the contract by example: valid against the schema, readable, and written back unchanged. */
class GoldenSamplesTest {

    static final List<String> SAMPLES = PlanEventContract.SAMPLE_NAMES;

    @Test
    void the_sample_list_names_every_sample_file_and_nothing_else() throws IOException, URISyntaxException {
        URL dir = PlanEventContract.class.getResource("/dev/wellplan/contract/samples/");
        assertThat(dir).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            List<String> all = new ArrayList<>(SAMPLES);
            all.addAll(PlanEventContract.DELIVERY_SAMPLE_NAMES);
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @ParameterizedTest
    @EnumSource(PlanEventType.class)
    void every_event_type_has_a_golden_sample_of_that_type(PlanEventType type) {
        String name = PlanEventContract.sampleName(type);

        assertThat(SAMPLES).contains(name);
        assertThat(PlanEventCodec.fromJson(PlanEventContract.sample(name)).type()).isEqualTo(type);
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void golden_sample_is_valid_against_the_schema(String name) {
        assertThat(ContractSchema.violations(PlanEventContract.sample(name))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void golden_sample_reads_and_writes_back_to_equal_json(String name) {
        String golden = PlanEventContract.sample(name);
        PlanEvent event = PlanEventCodec.fromJson(golden);

        assertThat(ContractSchema.parse(PlanEventCodec.toJson(event))).isEqualTo(ContractSchema.parse(golden));
        assertThat(event.schemaVersion()).isEqualTo(PlanEvent.SCHEMA_VERSION);
        assertThat(name).endsWith(".v" + PlanEvent.SCHEMA_VERSION + ".json");
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void fields_added_by_a_newer_producer_at_any_level_still_validate_and_still_read(String name) {
        String golden = PlanEventContract.sample(name);
        JsonNode newer = withUnknownFieldsEverywhere(ContractSchema.parse(golden));

        assertThat(ContractSchema.violations(newer)).isEmpty();
        assertThat(PlanEventCodec.fromJson(newer.toString())).isEqualTo(PlanEventCodec.fromJson(golden));
    }

    /**
     * The other direction of additive evolution: a field added later is optional, so an event from a producer
     * that predates it (the field absent) must still validate and read. Vacuous while every field is required.
     */
    @ParameterizedTest
    @FieldSource("SAMPLES")
    void an_event_without_the_optional_fields_still_validates_and_reads(String name) {
        ObjectNode older = (ObjectNode) ContractSchema.parse(PlanEventContract.sample(name));
        JsonNode schema = ContractSchema.tree();
        keepOnlyRequired(older, schema);
        keepOnlyRequired(older.get("change"), schema.at("/$defs/change"));
        keepOnlyRequired(older.get("checkIn"), schema.at("/$defs/checkIn"));
        JsonNode plan = older.get("plan");
        keepOnlyRequired(plan, schema.at("/$defs/snapshot"));
        keepOnlyRequired(plan.get("client"), schema.at("/$defs/client"));
        keepOnlyRequired(plan.get("quietHours"), schema.at("/$defs/quietHours"));
        plan.path("items").forEach(item -> keepOnlyRequired(item, schema.at("/$defs/item")));

        assertThat(ContractSchema.violations(older)).isEmpty();
        assertThat(PlanEventCodec.fromJson(older.toString()).eventId()).isNotNull();
    }

    @Test
    void a_held_item_reads_as_held_and_an_item_without_the_field_as_not_held() {
        List<PlanSnapshot.Item> items = PlanEventCodec.fromJson(PlanEventContract.sample("plan-adjusted-paused.v1.json"))
                .plan().items();

        assertThat(items).extracting(PlanSnapshot.Item::id, PlanSnapshot.Item::held).containsExactly(
                org.assertj.core.groups.Tuple.tuple("strength-w2-d1", true),
                org.assertj.core.groups.Tuple.tuple("self-massage-2026-12-15", true),
                org.assertj.core.groups.Tuple.tuple("strength-w3-d1", false),
                org.assertj.core.groups.Tuple.tuple("massage-2", false));
        assertThat(PlanEventCodec.toJson(PlanEventCodec.fromJson(PlanEventContract.sample("plan-created.v1.json"))))
                .as("written only when true").doesNotContain("\"held\"");
    }

    @Test
    void a_check_in_reads_with_its_session_and_follow_up_and_no_other_event_carries_one() {
        PlanEvent checkIn = PlanEventCodec.fromJson(PlanEventContract.sample("check-in-recorded.v1.json"));

        assertThat(checkIn.type().newVersion()).as("the plan as it stands, not a version").isFalse();
        assertThat(checkIn.checkIn()).isEqualTo(new PlanEvent.CheckIn("massage-1", false));
        assertThat(checkIn.change().causeOrCoach()).isEqualTo(PlanEvent.Cause.CLIENT);
        for (String name : SAMPLES.stream().filter(n -> !n.startsWith("check-in")).toList()) {
            PlanEvent event = PlanEventCodec.fromJson(PlanEventContract.sample(name));
            assertThat(event.checkIn()).as(name).isNull();
            assertThat(PlanEventCodec.toJson(event)).as("written only when set").doesNotContain("\"checkIn\"");
        }
    }

    @Test
    void a_red_flag_says_its_cause_and_since_which_version_the_plan_awaits_clearance() {
        PlanEvent redFlag = PlanEventCodec.fromJson(PlanEventContract.sample("plan-status-changed-red-flag.v1.json"));
        PlanEvent older = PlanEventCodec.fromJson(PlanEventContract.sample("plan-status-changed.v1.json"));

        assertThat(redFlag.change().cause()).isEqualTo(PlanEvent.Cause.CHECK_IN);
        assertThat(redFlag.plan().awaitingClearanceSince()).isEqualTo(5L);
        assertThat(older.change().cause()).as("absent").isNull();
        assertThat(older.change().causeOrCoach()).as("absent reads as coach").isEqualTo(PlanEvent.Cause.COACH);
        assertThat(older.plan().awaitingClearanceSince()).isNull();
        assertThat(PlanEventCodec.toJson(older)).doesNotContain("\"cause\"").doesNotContain("awaitingClearanceSince");
    }

    @Test
    void a_cause_this_reader_does_not_know_reads_as_a_coach_s() {
        ObjectNode newer = (ObjectNode) ContractSchema.parse(PlanEventContract.sample("plan-status-changed-red-flag.v1.json"));
        ((ObjectNode) newer.get("change")).put("cause", "insurer");

        assertThat(ContractSchema.violations(newer)).isEmpty();
        assertThat(PlanEventCodec.fromJson(newer.toString()).change().causeOrCoach()).isEqualTo(PlanEvent.Cause.COACH);
    }

    @Test
    void an_event_of_a_newer_schema_version_validates_against_this_one_and_reads() {
        ObjectNode newer = (ObjectNode) withUnknownFieldsEverywhere(
                ContractSchema.parse(PlanEventContract.sample("plan-created.v1.json")));
        newer.put("schemaVersion", PlanEvent.SCHEMA_VERSION + 1);

        assertThat(ContractSchema.violations(newer)).isEmpty();
        assertThat(PlanEventCodec.fromJson(newer.toString()).schemaVersion()).isEqualTo(PlanEvent.SCHEMA_VERSION + 1);
    }

    /** The schema must not be vacuous: each of these breaks the contract and must be caught. */
    @Test
    void the_schema_refuses_what_breaks_the_contract() {
        assertThat(violationsAfter(e -> e.remove("planId"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("eventId", "not-a-uuid"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("type", "PlanTeleported"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("schemaVersion", 0))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("planVersion", 0))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("occurredAt", "2026-12-01T10:15:00+01:00"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("occurredAt", "yesterday"))).isNotEmpty();
        assertThat(violationsAfter(e -> ((ObjectNode) e.get("change")).put("silent", "no"))).isNotEmpty();
        assertThat(violationsAfter(e -> plan(e).put("startDate", "07/12/2026"))).isNotEmpty();
        assertThat(violationsAfter(e -> plan(e).putNull("items"))).isNotEmpty();
        assertThat(violationsAfter(e -> ((ObjectNode) plan(e).get("quietHours")).put("from", "21:00"))).isNotEmpty();
        assertThat(violationsAfter(e -> item(e).put("start", "2026-12-08T10:00"))).isNotEmpty();
        assertThat(violationsAfter(e -> item(e).put("start", "2026-12-08T10:00:00Z"))).isNotEmpty();
        assertThat(violationsAfter(e -> item(e).put("durationMinutes", "50"))).isNotEmpty();
        assertThat(violationsAfter(e -> item(e).remove("kind"))).isNotEmpty();
        assertThat(violationsAfter(e -> item(e).putArray("exercises").add(1))).isNotEmpty();
        assertThat(violationsAfter(e -> item(e).put("held", "yes"))).isNotEmpty();
        assertThat(violationsAfter(e -> item(e).putNull("held"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("type", "CheckInRecorded"))).as("still a plan event").isEmpty();
        assertThat(violationsAfter(e -> e.putObject("checkIn").put("itemId", "massage-1"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.putObject("checkIn").put("itemId", 1).put("followUp", true))).isNotEmpty();
        assertThat(violationsAfter(e -> e.putObject("checkIn").put("followUp", "no").putNull("itemId"))).isNotEmpty();
        assertThat(violationsAfter(e -> ((ObjectNode) e.get("change")).put("cause", ""))).isNotEmpty();
        assertThat(violationsAfter(e -> ((ObjectNode) e.get("change")).put("cause", 3))).isNotEmpty();
        assertThat(violationsAfter(e -> plan(e).put("awaitingClearanceSince", 0))).isNotEmpty();
        assertThat(violationsAfter(e -> plan(e).put("awaitingClearanceSince", "v2"))).isNotEmpty();
    }

    @Test
    void a_since_that_is_no_version_of_the_plan_is_refused_on_read() {
        ObjectNode event = (ObjectNode) ContractSchema.parse(PlanEventContract.sample("plan-status-changed-red-flag.v1.json"));
        plan(event).put("awaitingClearanceSince", 6);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlanEventCodec.fromJson(event.toString()))
                .isInstanceOf(InvalidPlanEventException.class);
    }

    private static Set<String> violationsAfter(Consumer<ObjectNode> edit) {
        ObjectNode event = (ObjectNode) ContractSchema.parse(PlanEventContract.sample("plan-created.v1.json"));
        edit.accept(event);
        return ContractSchema.violations(event);
    }

    private static ObjectNode plan(ObjectNode event) {
        return (ObjectNode) event.get("plan");
    }

    private static ObjectNode item(ObjectNode event) {
        return (ObjectNode) plan(event).get("items").get(0);
    }

    private static void keepOnlyRequired(JsonNode object, JsonNode objectSchema) {
        if (object == null || !object.isObject()) {
            return;
        }
        Set<String> required = new HashSet<>();
        objectSchema.path("required").forEach(n -> required.add(n.asText()));
        ((ObjectNode) object).retain(required);
    }

    /** A field this contract does not know, on every object of the event, as a newer producer would add. */
    static JsonNode withUnknownFieldsEverywhere(JsonNode event) {
        JsonNode copy = event.deepCopy();
        for (JsonNode object : objectsIn(copy)) {
            ObjectNode o = (ObjectNode) object;
            o.put("addedLater", "a value");
            o.putObject("addedLaterObject").put("x", 1).putArray("list").add("y");
        }
        return copy;
    }

    private static List<JsonNode> objectsIn(JsonNode event) {
        JsonNode plan = event.get("plan");
        List<JsonNode> objects = new ArrayList<>(
                List.of(event, event.get("change"), plan, plan.get("client"), plan.get("quietHours")));
        if (event.has("checkIn")) {
            objects.add(event.get("checkIn"));
        }
        plan.get("items").forEach(objects::add);
        return objects.stream().filter(JsonNode::isObject).toList();
    }
}
