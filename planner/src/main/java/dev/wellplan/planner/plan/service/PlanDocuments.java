package dev.wellplan.planner.plan.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Plan;

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

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }
}
