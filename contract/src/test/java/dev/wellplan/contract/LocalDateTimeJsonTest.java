package dev.wellplan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

/** The contract's reader and writer of local date-times against Jackson's own: the same text, value or refusal. */
class LocalDateTimeJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    @Test
    void reads_what_jackson_reads_and_refuses_what_it_refuses() throws Exception {
        List<String> texts = new ArrayList<>(List.of("\"2026-12-08T10:00\"", "\"2026-12-08T10:00:30\"",
                "\"2026-12-08T10:00:30.5\"", "\"2026-12-08T10:00:30.123456789\"", "\"2026-02-29T10:00\"",
                "\"2028-02-29T10:00\"", "\"2026-13-01T10:00\"", "\"2026-12-32T10:00\"", "\"2026-12-08T24:00\"",
                "\"2026-12-08T23:60\"", "\"2026-12-08T10:00:60\"", "\"0000-01-01T00:00\"", "\"+12026-12-08T10:00\"",
                "\"2026-12-08 10:00\"", "\"2026-12-08T1a:00\"", "\"2026-12-08\"", "\"\"", "\" 2026-12-08T10:00 \"",
                "\"2026-12-08T10:00Z\"", "\"2026-12-08T10:00:30Z\"", "\"\\u0032026-12-08T10:00\"", "null",
                "[2026,12,8,10,0]", "[2026,12,8,10,0,30]", "1700000000", "\"２０２６-12-08T10:00\""));
        for (int minute = 0; minute < 24 * 60; minute += 7) {
            texts.add("\"" + LocalDateTime.of(2026, 12, 8, 0, 0).plusMinutes(minute) + "\"");
        }
        for (String text : texts) {
            String json = "{\"at\":" + text + "}";
            Object expected = outcome(JACKSON, json);
            Object actual = outcome(ContractJson.MAPPER, json);
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Test
    void writes_what_jackson_writes() throws Exception {
        List<LocalDateTime> values = new ArrayList<>(List.of(LocalDateTime.of(2026, 12, 8, 10, 0),
                LocalDateTime.of(2026, 12, 8, 10, 0, 30), LocalDateTime.of(2026, 12, 8, 10, 0, 30, 500_000_000),
                LocalDateTime.of(2026, 12, 8, 10, 0, 0, 1), LocalDateTime.of(0, 1, 1, 0, 0),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59), LocalDateTime.of(10000, 1, 1, 0, 0),
                LocalDateTime.of(-1, 1, 1, 0, 0), LocalDateTime.of(12, 3, 4, 5, 6, 7), LocalDateTime.MIN,
                LocalDateTime.MAX));
        for (int minute = 0; minute < 3 * 24 * 60; minute += 13) {
            values.add(LocalDateTime.of(2026, 2, 27, 0, 0).plusMinutes(minute).plusSeconds(minute % 60));
        }
        for (LocalDateTime value : values) {
            At at = new At(value);
            assertThat(ContractJson.MAPPER.writeValueAsString(at)).as(value.toString())
                    .isEqualTo(JACKSON.writeValueAsString(at));
        }
        assertThat(ContractJson.MAPPER.copy().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .writeValueAsString(new At(LocalDateTime.of(2026, 12, 8, 10, 0)))).isEqualTo("{\"at\":[2026,12,8,10,0]}");
    }

    private record At(LocalDateTime at) {
    }

    private static Object outcome(ObjectMapper mapper, String json) {
        Throwable[] error = {null};
        Object[] value = {null};
        error[0] = catchThrowable(() -> value[0] = mapper.readValue(json, At.class));
        return error[0] == null ? value[0] : error[0].getClass().getName() + ": " + error[0].getMessage()
                .replace(LocalDateTimeReader.class.getName(), "?").lines().findFirst().orElse("");
    }
}
