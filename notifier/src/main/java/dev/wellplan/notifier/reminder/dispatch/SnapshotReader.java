package dev.wellplan.notifier.reminder.dispatch;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanSnapshot;

/**
 * Reads the applied snapshots the dispatcher sends from ({@code notifier.plan_state.snapshot}, written by
 * {@code PlanEventCodec} when the event was applied, so already checked): the codec's reading, with dates and times in
 * the ISO-8601 form the codec writes read digit by digit instead of through {@code DateTimeFormatter}, which took a
 * third of the time of reading a four-week plan. Anything in another form is read by {@code java.time} as before.
 */
final class SnapshotReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("wellplan-iso-dates")
                    .addDeserializer(LocalDateTime.class,
                            new IsoDeserializer<>(LocalDateTime.class, SnapshotReader::dateTime))
                    .addDeserializer(LocalDate.class, new IsoDeserializer<>(LocalDate.class, SnapshotReader::date))
                    .addDeserializer(LocalTime.class, new IsoDeserializer<>(LocalTime.class, SnapshotReader::time)))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    private SnapshotReader() {
    }

    /** The plan of an applied snapshot (the event JSON stored with it). */
    static PlanSnapshot plan(String snapshotJson) {
        try {
            return MAPPER.readValue(snapshotJson, PlanEvent.class).plan();
        } catch (IOException e) {
            throw new IllegalStateException("an applied snapshot cannot be read", e);
        }
    }

    private interface Parse<T> {
        T parse(String text);
    }

    private static final class IsoDeserializer<T> extends StdDeserializer<T> {
        private final transient Parse<T> parse;

        IsoDeserializer(Class<T> type, Parse<T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.reportInputMismatch(handledType(), "expected an ISO-8601 string, found %s", p.currentToken());
            }
            try {
                return parse.parse(p.getText());
            } catch (DateTimeParseException e) {
                return ctxt.reportInputMismatch(handledType(), "not an ISO-8601 value: %s", e.getMessage());
            }
        }
    }

    /** {@code yyyy-MM-dd}. */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            if (y >= 0 && m > 0 && d > 0) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(s);
    }

    /** {@code HH:mm} or {@code HH:mm:ss}. */
    static LocalTime time(String s) {
        LocalTime t = timeOrNull(s, 0);
        return t != null ? t : LocalTime.parse(s);
    }

    /** {@code yyyy-MM-ddTHH:mm} or {@code yyyy-MM-ddTHH:mm:ss}. */
    static LocalDateTime dateTime(String s) {
        if (s.length() >= 16 && s.charAt(10) == 'T') {
            LocalTime t = timeOrNull(s, 11);
            if (t != null) {
                return LocalDateTime.of(date(s.substring(0, 10)), t);
            }
        }
        return LocalDateTime.parse(s);
    }

    private static LocalTime timeOrNull(String s, int at) {
        int length = s.length() - at;
        if ((length != 5 && length != 8) || s.charAt(at + 2) != ':' || (length == 8 && s.charAt(at + 5) != ':')) {
            return null;
        }
        int h = digits(s, at, at + 2);
        int m = digits(s, at + 3, at + 5);
        int sec = length == 8 ? digits(s, at + 6, at + 8) : 0;
        if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59) {
            return null;
        }
        return LocalTime.of(h, m, sec);
    }

    /** The number written in {@code s[from, to)}, or -1 when it is not all digits. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
