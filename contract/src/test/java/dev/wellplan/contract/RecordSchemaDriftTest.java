package dev.wellplan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * The Java records and the JSON Schema describe the same thing. A record component added, renamed or
 * retyped without the schema following (or the other way round) fails here, before a consumer meets it.
 */
class RecordSchemaDriftTest {

    private static final JsonNode SCHEMA = ContractSchema.tree();

    /** What each Java type is on the wire: its JSON type, and the format or pattern that pins it down. */
    private static final Map<Class<?>, String> JSON_TYPES = Map.ofEntries(
            Map.entry(UUID.class, "string"), Map.entry(String.class, "string"), Map.entry(Instant.class, "string"),
            Map.entry(LocalDate.class, "string"), Map.entry(LocalTime.class, "string"),
            Map.entry(LocalDateTime.class, "string"), Map.entry(int.class, "integer"),
            Map.entry(long.class, "integer"), Map.entry(Integer.class, "integer"), Map.entry(Long.class, "integer"),
            Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"), Map.entry(List.class, "array"));
    private static final Map<Class<?>, String> FORMATS = Map.of(
            UUID.class, "uuid", Instant.class, "date-time", LocalDate.class, "date");

    @ParameterizedTest
    @EnumSource(PlanEventType.class)
    void an_event_built_in_java_and_written_by_the_codec_is_valid(PlanEventType type) {
        PlanEvent event = SampleEvents.full(type);
        String json = PlanEventCodec.toJson(event);

        assertThat(ContractSchema.violations(json)).isEmpty();
        assertThat(PlanEventCodec.fromJson(json)).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(PlanEventType.class)
    void an_event_with_every_optional_field_empty_is_valid(PlanEventType type) {
        PlanEvent event = SampleEvents.sparse(type);
        String json = PlanEventCodec.toJson(event);

        assertThat(ContractSchema.violations(json)).isEmpty();
        assertThat(PlanEventCodec.fromJson(json)).isEqualTo(event);
    }

    @Test
    void the_schema_event_types_are_the_java_event_types() {
        assertThat(strings(SCHEMA.at("/properties/type/enum")))
                .containsExactlyElementsOf(Arrays.stream(PlanEventType.values()).map(Enum::name).toList());
    }

    @Test
    void every_record_component_is_a_schema_property_of_the_same_type_at_every_level() {
        List<String> checked = new ArrayList<>();
        assertSameShape(PlanEvent.class, SCHEMA, "#", checked);

        // the walk reached every record of the contract, so none escapes the comparison
        assertThat(checked).containsExactlyInAnyOrder("PlanEvent", "Change", "PlanSnapshot", "Client", "QuietHours",
                "Item", "CheckIn");
    }

    @Test
    void no_object_in_the_schema_forbids_additional_properties() {
        List<String> closed = new ArrayList<>();
        findClosedObjects(SCHEMA, "#", closed);

        assertThat(closed).as("additive evolution needs additionalProperties allowed everywhere").isEmpty();
    }

    private static void assertSameShape(Class<?> record, JsonNode schemaNode, String path, List<String> checked) {
        checked.add(record.getSimpleName());
        JsonNode object = objectSchema(schemaNode);
        Set<String> properties = fieldNames(object.get("properties"));
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();

        assertThat(properties).as("%s properties vs the components of %s", path, record.getName())
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(properties).as("%s required", path).containsAll(strings(object.get("required")));
        for (RecordComponent c : record.getRecordComponents()) {
            assertSameType(c.getType(), c.getGenericType(), object.get("properties").get(c.getName()),
                    path + "/" + c.getName(), checked);
        }
    }

    private static void assertSameType(Class<?> type, Type generic, JsonNode property, String path,
                                       List<String> checked) {
        Set<String> types = jsonTypes(property);
        String expected = type.isRecord() ? "object" : type.isEnum() ? "string" : JSON_TYPES.get(type);

        assertThat(expected).as("%s: no JSON mapping known for %s; extend this test", path, type).isNotNull();
        assertThat(types).as("%s is %s in Java", path, type.getSimpleName()).contains(expected);
        if (type.isPrimitive()) {
            assertThat(types).as("%s is a primitive in Java and can never be null", path).doesNotContain("null");
        }
        if (FORMATS.containsKey(type)) {
            assertThat(keyword(property, "format")).as("%s format", path).isEqualTo(FORMATS.get(type));
        }
        if (type == LocalTime.class || type == LocalDateTime.class) {
            assertThat(keyword(property, "pattern")).as("%s pattern", path).isNotNull();
        }
        if (type.isRecord()) {
            assertSameShape(type, property, path, checked);
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            assertSameType((Class<?>) element, element, resolve(property).get("items"), path + "/items", checked);
        }
    }

    /** The JSON types a property allows, through $ref and anyOf/oneOf. */
    private static Set<String> jsonTypes(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        JsonNode n = node.has("$ref") ? SCHEMA.at(pointer(node)) : node;
        JsonNode type = n.get("type");
        if (type != null) {
            out.addAll(type.isArray() ? strings(type) : List.of(type.asText()));
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (n.has(combinator)) {
                n.get(combinator).forEach(branch -> out.addAll(jsonTypes(branch)));
            }
        }
        return out;
    }

    /** The object schema behind a property: follows $ref and picks the object branch of an anyOf/oneOf. */
    private static JsonNode objectSchema(JsonNode node) {
        JsonNode n = resolve(node);
        if (n.has("properties")) {
            return n;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : n.path(combinator)) {
                if (jsonTypes(branch).contains("object")) {
                    return objectSchema(branch);
                }
            }
        }
        throw new AssertionError("no object schema in " + node);
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? resolve(SCHEMA.at(pointer(node))) : node;
    }

    private static String keyword(JsonNode node, String keyword) {
        JsonNode n = resolve(node);
        return n.has(keyword) ? n.get(keyword).asText() : null;
    }

    private static String pointer(JsonNode ref) {
        String r = ref.get("$ref").asText();
        assertThat(r).as("only local references").startsWith("#/");
        return r.substring(1);
    }

    private static void findClosedObjects(JsonNode node, String path, List<String> closed) {
        if (node.isObject()) {
            for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
                if (node.has(keyword) && !node.get(keyword).equals(BooleanNode.TRUE)) {
                    closed.add(path + "/" + keyword);
                }
            }
            if (node.has("type") && jsonTypes(node).contains("object") && !node.has("additionalProperties")) {
                closed.add(path + " (say additionalProperties: true explicitly)");
            }
            node.fields().forEachRemaining(e -> findClosedObjects(e.getValue(), path + "/" + e.getKey(), closed));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findClosedObjects(node.get(i), path + "/" + i, closed);
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
