package dev.wellplan.contract;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;

/**
 * Reads the contract's local date-times ({@code 2026-12-12T10:00}, {@code 2026-12-12T10:00:30}: what the writer
 * makes) without {@code DateTimeFormatter}, whose parsing was the largest single cost of reading a plan event (its
 * 26 item starts and more). Every other text and token, and a date-time that does not exist, goes to Jackson's own
 * {@link LocalDateTimeDeserializer}, so what it accepts, what it rejects and how it says so are unchanged.
 */
final class LocalDateTimeReader extends StdScalarDeserializer<LocalDateTime> {

    private static final LocalDateTimeDeserializer STANDARD = LocalDateTimeDeserializer.INSTANCE;

    LocalDateTimeReader() {
        super(LocalDateTime.class);
    }

    @Override
    public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            LocalDateTime quick = quick(p.getText());
            if (quick != null) {
                return quick;
            }
        }
        return STANDARD.deserialize(p, ctxt);
    }

    /** {@code uuuu-MM-ddTHH:mm} or {@code uuuu-MM-ddTHH:mm:ss} as a valid date-time, or null. */
    static LocalDateTime quick(String s) {
        int n = s.length();
        if ((n != 16 && n != 19) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || (n == 19 && s.charAt(16) != ':')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = n == 19 ? digits(s, 17, 2) : 0;
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null; // Jackson's reader rejects it, in its own words
        }
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
