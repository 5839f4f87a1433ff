package dev.wellplan.planner.plan.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Plan;
import dev.wellplan.support.Digests;

/** How a plan and its assessment are kept in the database: JSON documents of the rule records. */
@ApplicationScoped
public class PlanDocuments {

    private final ObjectMapper mapper;

    public PlanDocuments(ObjectMapper mapper) {
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(Plan plan) {
        return json(plan);
    }

    public String write(Assessment assessment) {
        return json(assessment);
    }

    public Plan readPlan(String json) {
        try {
            return mapper.readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan cannot be read", e);
        }
    }

    public Assessment readAssessment(String json) {
        try {
            return mapper.readValue(json, Assessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment cannot be read", e);
        }
    }

    /**
     * SHA-256 of the assessment in a canonical form: object keys sorted, and the assessment's sets (days,
     * drivers, red flags, equipment) sorted too, because a set's order is not the request's meaning and differs
     * between JVMs. Two requests that say the same thing have the same fingerprint, however they were written.
     */
    public String fingerprint(Assessment assessment) {
        return fingerprint(assessment, true);
    }

    /**
     * SHA-256 of any request in a canonical form: object keys sorted, arrays in their order (a list of operations
     * means something else in another order).
     */
    public String fingerprint(Object request) {
        return fingerprint(request, false);
    }

    private String fingerprint(Object request, boolean arraysAreSets) {
        try {
            return Digests.sha256Hex(mapper.writeValueAsBytes(canonical(mapper.valueToTree(request), arraysAreSets)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a " + request.getClass().getSimpleName(), e);
        }
    }

    private JsonNode canonical(JsonNode node, boolean arraysAreSets) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            object.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue(), arraysAreSets)));
            ObjectNode out = mapper.createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> elements = new ArrayList<>();
            array.forEach(e -> elements.add(canonical(e, arraysAreSets)));
            if (arraysAreSets) {
                elements.sort(Comparator.comparing(JsonNode::toString));
            }
            return mapper.createArrayNode().addAll(elements);
        }
        return node;
    }

    /** Any value as the JSON the API would send for it (operations with their {@code op}, answers kept for a retry). */
    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * {@code value} written as {@code type}: for a list whose elements are written with what their declared type
     * says about them (operations carry their {@code op} only when written as {@code List<Operation>}).
     */
    public String json(Object value, TypeReference<?> type) {
        try {
            return mapper.writerFor(type).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + type.getType(), e);
        }
    }

    /** What {@link #json} wrote, read back. */
    public <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read as " + type.getType(), e);
        }
    }
}
