package dev.wellplan.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void extension_members_are_written_beside_the_standard_ones() throws Exception {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("currentVersion", 4);
        extensions.put("refusals", List.of(Map.of("ruleIds", List.of("SAFE-2"))));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(new Problem("about:blank", "Precondition Failed", 412,
                "stale", "/api/plans/x", List.of(), extensions)));

        assertThat(json.get("currentVersion").asInt()).isEqualTo(4);
        assertThat(json.get("refusals").get(0).get("ruleIds").get(0).asText()).isEqualTo("SAFE-2");
        assertThat(json.get("status").asInt()).isEqualTo(412);
        assertThat(json.has("extensions")).as("the members stand on their own, not in an object").isFalse();
        assertThat(json.has("errors")).isFalse();
    }

    @Test
    void a_problem_without_extensions_writes_only_rfc_9457_members() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(new Problem("about:blank", "Invalid request", 400,
                "reason: is required", "/p", List.of(new Problem.FieldError("reason", "is required")))));

        assertThat(json.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
    }
}
