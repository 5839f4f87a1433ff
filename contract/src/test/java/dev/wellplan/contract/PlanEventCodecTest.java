package dev.wellplan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlanEventCodecTest {

    static String sample(String name) throws IOException {
        try (InputStream in = PlanEventCodecTest.class.getResourceAsStream("samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void golden_sample_reads_into_the_records() throws IOException {
        PlanEvent event = PlanEventCodec.fromJson(sample("plan-created.v1.json"));

        assertThat(event.type()).isEqualTo(PlanEventType.PlanCreated);
        assertThat(event.schemaVersion()).isEqualTo(PlanEvent.SCHEMA_VERSION);
        assertThat(event.plan().timeZone()).isEqualTo("Europe/Lisbon");
        assertThat(event.plan().items()).extracting(PlanSnapshot.Item::id, PlanSnapshot.Item::start)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("massage-1", LocalDateTime.parse("2026-12-08T10:00")),
                        org.assertj.core.groups.Tuple.tuple("strength-w1-d1", LocalDateTime.parse("2026-12-09T07:30")));
    }

    @Test
    void writing_the_golden_sample_back_gives_the_same_json() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        String golden = sample("plan-created.v1.json");
        JsonNode written = plain.readTree(PlanEventCodec.toJson(PlanEventCodec.fromJson(golden)));

        assertThat(written).isEqualTo(plain.readTree(golden));
    }

    @Test
    void unknown_fields_from_a_newer_producer_are_ignored() throws IOException {
        String newer = sample("plan-created.v1.json").replace("\"schemaVersion\": 1,",
                "\"schemaVersion\": 2, \"somethingNew\": {\"x\": 1},");

        assertThat(PlanEventCodec.fromJson(newer).schemaVersion()).isEqualTo(2);
    }

    @Test
    void garbage_and_inconsistent_events_are_refused_without_echoing_the_payload() throws IOException {
        assertThatThrownBy(() -> PlanEventCodec.fromJson("{not json client@example.com"))
                .isInstanceOf(InvalidPlanEventException.class)
                .message().doesNotContain("client@example.com");
        assertThatThrownBy(() -> PlanEventCodec.fromJson("Ana Souza, ana@example.com, sciatica"))
                .isInstanceOf(InvalidPlanEventException.class)
                .message().doesNotContain("Ana").doesNotContain("sciatica");
        assertThatThrownBy(() -> PlanEventCodec.fromJson("{\"type\":\"PlanCreated\", \"planId\": \"Ana Souza\"}"))
                .isInstanceOf(InvalidPlanEventException.class)
                .message().doesNotContain("Ana");
        assertThatThrownBy(() -> PlanEventCodec.fromJson("{\"type\":\"PlanCreated\"}"))
                .isInstanceOf(InvalidPlanEventException.class);
        String wrongVersion = sample("plan-created.v1.json").replace("\"planVersion\": 1,", "\"planVersion\": 2,");
        assertThatThrownBy(() -> PlanEventCodec.fromJson(wrongVersion))
                .isInstanceOf(InvalidPlanEventException.class)
                .hasMessageContaining("disagree");
        String unknownType = sample("plan-created.v1.json").replace("\"PlanCreated\"", "\"PlanTeleported\"");
        assertThatThrownBy(() -> PlanEventCodec.fromJson(unknownType))
                .isInstanceOf(InvalidPlanEventException.class)
                .hasMessageContaining("unknown event type");
    }
}
