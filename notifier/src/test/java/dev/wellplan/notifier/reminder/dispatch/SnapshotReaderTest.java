package dev.wellplan.notifier.reminder.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;

/** The dispatcher's reading of applied snapshots gives what the contract's codec gives, dates and times included. */
class SnapshotReaderTest {

    @Test
    void every_golden_sample_reads_as_the_codec_reads_it() throws IOException {
        for (String name : List.of("plan-created.v1.json", "plan-adjusted.v1.json", "plan-adjusted-paused.v1.json",
                "plan-assigned.v1.json", "plan-status-changed.v1.json", "plan-status-changed-cancelled.v1.json",
                "access-link-requested.v1.json")) {
            String json;
            try (InputStream in = PlanEventCodec.class.getClassLoader()
                    .getResourceAsStream("dev/wellplan/contract/samples/" + name)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            PlanEvent event = PlanEventCodec.fromJson(json);
            // stored as the codec writes it, read back by the dispatcher
            assertThat(SnapshotReader.plan(PlanEventCodec.toJson(event))).as(name).isEqualTo(event.plan());
            assertThat(SnapshotReader.plan(json)).as(name).isEqualTo(event.plan());
        }
    }

    @Test
    void dates_and_times_read_digit_by_digit_as_java_time_reads_them() {
        for (String s : List.of("2026-12-08T10:00", "2026-12-08T10:00:59", "2024-02-29T23:59:00", "0001-01-01T00:00",
                "2026-12-08T10:00:00.5", "2026-12-08T10:00:00.123456789")) {
            assertThat(SnapshotReader.dateTime(s)).as(s).isEqualTo(LocalDateTime.parse(s));
        }
        for (String s : List.of("2026-12-08", "2024-02-29", "+12026-12-08")) {
            assertThat(SnapshotReader.date(s)).as(s).isEqualTo(LocalDate.parse(s));
        }
        for (String s : List.of("21:00", "07:00:30", "23:59:59.999")) {
            assertThat(SnapshotReader.time(s)).as(s).isEqualTo(LocalTime.parse(s));
        }
    }

    @Test
    void what_java_time_refuses_is_refused() {
        for (String s : List.of("2026-02-30T10:00", "2026-12-08T24:00", "2026-12-08T10:60", "2026-13-01T10:00",
                "2026-12-08 10:00", "2026-12-0xT10:00")) {
            assertThatThrownBy(() -> SnapshotReader.dateTime(s)).as(s).isInstanceOf(java.time.DateTimeException.class);
        }
    }
}
