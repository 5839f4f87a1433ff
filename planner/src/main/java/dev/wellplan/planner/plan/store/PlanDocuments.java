package dev.wellplan.planner.plan.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
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
        try {
            return Digests.sha256Hex(mapper.writeValueAsBytes(canonical(mapper.valueToTree(assessment))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint an assessment", e);
        }
    }

    private JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            object.fields().forEachRemaining(e -> sorted.put(e.getKey(), canonical(e.getValue())));
            ObjectNode out = mapper.createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> elements = new ArrayList<>();
            array.forEach(e -> elements.add(canonical(e)));
            elements.sort(Comparator.comparing(JsonNode::toString));
            return mapper.createArrayNode().addAll(elements);
        }
        return node;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
