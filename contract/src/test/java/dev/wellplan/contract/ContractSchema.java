package dev.wellplan.contract;

import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The contract's JSON Schema, loaded from the classpath, with format assertions on: in draft 2020-12
 * {@code format} is only an annotation by default, and a contract that lets "not-a-uuid" through is
 * not much of a contract. Shipped in this module's test jar: the planner's tests check what it writes
 * against it, the notifier's what it reads.
 */
public final class ContractSchema {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The schema's {@code $id} points at wellplan.dev; it is read from the classpath, never fetched. */
    private static final String ID_PREFIX = "https://wellplan.dev/contract/";
    private static final String CLASSPATH_PREFIX = "classpath:dev/wellplan/contract/";

    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, CLASSPATH_PREFIX)));

    private static final JsonSchema PLAN_EVENT = load(PlanEventContract.SCHEMA_RESOURCE);
    private static final JsonSchema DELIVERY_EVENT = load(PlanEventContract.DELIVERY_SCHEMA_RESOURCE);

    private ContractSchema() {
    }

    private static JsonSchema load(String resource) {
        return FACTORY.getSchema(SchemaLocation.of(CLASSPATH_PREFIX + resource.substring(
                "/dev/wellplan/contract/".length())), CONFIG);
    }

    /** The schema document itself, as a tree. */
    public static JsonNode tree() {
        return parse(PlanEventContract.read(PlanEventContract.SCHEMA_RESOURCE));
    }

    /** What is wrong with this JSON as a plan event; empty when it is valid. */
    public static Set<String> violations(String json) {
        return violations(parse(json));
    }

    public static Set<String> violations(JsonNode json) {
        return violations(PLAN_EVENT, json);
    }

    /** What is wrong with this JSON as a delivery event; empty when it is valid. */
    public static Set<String> deliveryViolations(String json) {
        return violations(DELIVERY_EVENT, parse(json));
    }

    private static Set<String> violations(JsonSchema schema, JsonNode json) {
        Set<String> out = new TreeSet<>();
        for (ValidationMessage m : schema.validate(json)) {
            out.add(m.getMessage());
        }
        return out;
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
