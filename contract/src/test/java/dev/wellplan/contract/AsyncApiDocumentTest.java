package dev.wellplan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The AsyncAPI document names the same topics, headers, schema version and samples as the code. */
class AsyncApiDocumentTest {

    private static final JsonNode DOC = parse();
    private static final JsonNode PLAN_EVENT = DOC.at("/components/messages/planEvent");
    private static final JsonNode DEAD_LETTER = DOC.at("/components/messages/deadLetteredPlanEvent");
    private static final JsonNode DELIVERY_EVENT = DOC.at("/components/messages/deliveryEvent");

    private static JsonNode parse() {
        try {
            return new YAMLMapper().readTree(PlanEventContract.read(PlanEventContract.ASYNCAPI_RESOURCE));
        } catch (IOException e) {
            throw new AssertionError("asyncapi.yaml is not YAML", e);
        }
    }

    @Test
    void is_an_asyncapi_3_document_of_this_schema_version() {
        assertThat(DOC.path("asyncapi").asText()).startsWith("3.");
        assertThat(DOC.at("/info/x-schema-version").asInt()).isEqualTo(PlanEvent.SCHEMA_VERSION);
    }

    @Test
    void names_both_topics() {
        assertThat(DOC.at("/channels/planEvents/address").asText()).isEqualTo(PlanEvent.TOPIC);
        assertThat(DOC.at("/channels/planEvents/bindings/kafka/topic").asText()).isEqualTo(PlanEvent.TOPIC);
        assertThat(DOC.at("/channels/planEventsDeadLetter/address").asText()).isEqualTo(PlanEvent.DEAD_LETTER_TOPIC);
        assertThat(DOC.at("/channels/planEventsDeadLetter/bindings/kafka/topic").asText())
                .isEqualTo(PlanEvent.DEAD_LETTER_TOPIC);
    }

    @Test
    void names_the_delivery_topics_their_schema_samples_and_who_sends_and_receives() {
        assertThat(DOC.at("/channels/deliveryEvents/address").asText()).isEqualTo(DeliveryEvent.TOPIC);
        assertThat(DOC.at("/channels/deliveryEvents/bindings/kafka/topic").asText()).isEqualTo(DeliveryEvent.TOPIC);
        assertThat(DOC.at("/channels/deliveryEventsDeadLetter/address").asText())
                .isEqualTo(DeliveryEvent.DEAD_LETTER_TOPIC);
        String ref = DELIVERY_EVENT.at("/payload/schema/$ref").asText();
        assertThat(URI.create(PlanEventContract.ASYNCAPI_RESOURCE).resolve(ref).toString())
                .isEqualTo(PlanEventContract.DELIVERY_SCHEMA_RESOURCE);
        assertThat(strings(DELIVERY_EVENT.at("/headers/required"))).containsExactly(PlanEvent.EVENT_ID_HEADER);
        assertThat(strings(DELIVERY_EVENT.path("x-golden-samples"))).containsExactlyElementsOf(
                PlanEventContract.DELIVERY_SAMPLE_NAMES.stream().map(n -> "samples/" + n).toList());
        assertThat(DOC.at("/operations/relayDeliveryEvents/action").asText()).isEqualTo("send");
        assertThat(DOC.at("/operations/relayDeliveryEvents/x-producer-config/acks").asText()).isEqualTo("all");
        assertThat(DOC.at("/operations/consumeDeliveryEvents/action").asText()).isEqualTo("receive");
        assertThat(DOC.at("/operations/consumeDeliveryEvents/x-consumer-config/dead-letter-queue.topic").asText())
                .isEqualTo(DeliveryEvent.DEAD_LETTER_TOPIC);
    }

    @Test
    void names_the_event_headers_and_the_event_types() {
        assertThat(strings(PLAN_EVENT.at("/headers/required")))
                .containsExactlyInAnyOrder(PlanEvent.EVENT_ID_HEADER, PlanEvent.EVENT_TYPE_HEADER);
        assertThat(PLAN_EVENT.at("/headers/properties/" + PlanEvent.EVENT_ID_HEADER + "/format").asText())
                .isEqualTo("uuid");
        assertThat(strings(PLAN_EVENT.at("/headers/properties/" + PlanEvent.EVENT_TYPE_HEADER + "/enum")))
                .containsExactlyElementsOf(Arrays.stream(PlanEventType.values()).map(Enum::name).toList());
        assertThat(PLAN_EVENT.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
    }

    @Test
    void names_the_dead_letter_headers_the_smallrye_kafka_connector_writes() {
        assertThat(fieldNames(DEAD_LETTER.at("/headers/properties"))).contains(
                "dead-letter-reason", "dead-letter-cause", "dead-letter-topic", "dead-letter-partition",
                "dead-letter-offset", "dead-letter-exception-class-name", "dead-letter-cause-class-name",
                PlanEvent.EVENT_ID_HEADER, PlanEvent.EVENT_TYPE_HEADER);
    }

    @Test
    void the_payload_is_the_schema_of_this_schema_version() {
        String ref = PLAN_EVENT.at("/payload/schema/$ref").asText();
        String resolved = URI.create(PlanEventContract.ASYNCAPI_RESOURCE).resolve(ref).toString();

        assertThat(resolved).isEqualTo(PlanEventContract.SCHEMA_RESOURCE);
        assertThat(ContractSchema.tree().path("$id").asText()).endsWith(ref.substring(ref.lastIndexOf('/')));
        assertThat(PLAN_EVENT.at("/payload/schemaFormat").asText()).contains("draft-2020-12");
    }

    @Test
    void lists_the_golden_samples() {
        assertThat(strings(PLAN_EVENT.path("x-golden-samples")))
                .containsExactlyElementsOf(PlanEventContract.SAMPLE_NAMES.stream().map(n -> "samples/" + n).toList());
    }

    @Test
    void planner_sends_and_the_notifier_group_receives() {
        JsonNode send = DOC.at("/operations/relayPlanEvents");
        JsonNode receive = DOC.at("/operations/consumePlanEvents");

        assertThat(send.path("action").asText()).isEqualTo("send");
        assertThat(send.at("/channel/$ref").asText()).isEqualTo("#/channels/planEvents");
        assertThat(send.at("/x-producer-config/acks").asText()).isEqualTo("all");
        assertThat(send.at("/x-producer-config/enable.idempotence").asBoolean()).isTrue();
        assertThat(receive.path("action").asText()).isEqualTo("receive");
        assertThat(receive.at("/channel/$ref").asText()).isEqualTo("#/channels/planEvents");
        assertThat(strings(receive.at("/bindings/kafka/groupId/enum"))).containsExactly("wellplan-notifier");
        assertThat(receive.at("/x-consumer-config/dead-letter-queue.topic").asText())
                .isEqualTo(PlanEvent.DEAD_LETTER_TOPIC);
    }

    @Test
    void every_local_reference_resolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs.stream().filter(r -> r.startsWith("#/")).toList()) {
            assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.has("$ref")) {
            out.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, out));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
