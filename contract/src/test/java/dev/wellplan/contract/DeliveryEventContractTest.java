package dev.wellplan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The delivery events' contract: samples, schema and record agree, and the event carries no personal data. */
class DeliveryEventContractTest {

    static final List<String> SAMPLES = PlanEventContract.DELIVERY_SAMPLE_NAMES;

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void golden_sample_is_valid_reads_and_writes_back_to_equal_json(String name) {
        String golden = PlanEventContract.sample(name);

        assertThat(ContractSchema.deliveryViolations(golden)).isEmpty();
        DeliveryEvent event = DeliveryEventCodec.fromJson(golden);
        assertThat(ContractSchema.parse(DeliveryEventCodec.toJson(event))).isEqualTo(ContractSchema.parse(golden));
        assertThat(event.outcome()).isEqualTo(DeliveryEvent.FAILED);
    }

    @Test
    void an_event_built_in_java_is_valid_and_reads_back_equal() {
        DeliveryEvent event = new DeliveryEvent(UUID.randomUUID(), UUID.randomUUID(), "p:welcome", "WELCOME",
                DeliveryEvent.FAILED, Instant.parse("2026-12-11T11:27:30.125Z"));
        String json = DeliveryEventCodec.toJson(event);

        assertThat(ContractSchema.deliveryViolations(json)).isEmpty();
        assertThat(DeliveryEventCodec.fromJson(json)).isEqualTo(event);
    }

    @Test
    void the_schema_properties_are_the_record_components_and_all_are_required() {
        JsonNode schema = ContractSchema.parse(PlanEventContract.read(PlanEventContract.DELIVERY_SCHEMA_RESOURCE));
        List<String> components = Arrays.stream(DeliveryEvent.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        List<String> required = new ArrayList<>();
        schema.get("required").forEach(n -> required.add(n.asText()));

        assertThat(properties).containsExactlyElementsOf(components);
        assertThat(required).containsExactlyElementsOf(components);
        assertThat(schema.path("additionalProperties").asBoolean()).as("additive evolution").isTrue();
        assertThat(components).as("no address, no content").doesNotContain("email", "address", "subject", "body");
    }

    @Test
    void a_newer_producer_s_fields_and_outcomes_still_validate_and_read() {
        ObjectNode newer = (ObjectNode) ContractSchema.parse(PlanEventContract.sample("delivery-failed.v1.json"));
        newer.put("addedLater", "a value").put("outcome", "BOUNCED");

        assertThat(ContractSchema.deliveryViolations(newer.toString())).isEmpty();
        assertThat(DeliveryEventCodec.fromJson(newer.toString()).outcome()).isEqualTo("BOUNCED");
    }

    @Test
    void the_schema_and_the_codec_refuse_what_breaks_the_contract() {
        assertThat(violationsAfter(e -> e.remove("reminderId"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("eventId", "not-a-uuid"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("occurredAt", "2026-12-11T11:27:30+01:00"))).isNotEmpty();
        assertThat(violationsAfter(e -> e.put("kind", ""))).isNotEmpty();
        assertThatThrownBy(() -> DeliveryEventCodec.fromJson("{\"planId\": \"client@example.com\"}"))
                .isInstanceOf(InvalidDeliveryEventException.class)
                .message().doesNotContain("client@example.com");
    }

    private static java.util.Set<String> violationsAfter(Consumer<ObjectNode> edit) {
        ObjectNode event = (ObjectNode) ContractSchema.parse(PlanEventContract.sample("delivery-failed.v1.json"));
        edit.accept(event);
        return ContractSchema.deliveryViolations(event.toString());
    }
}
