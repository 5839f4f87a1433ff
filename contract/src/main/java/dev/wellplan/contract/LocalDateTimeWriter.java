package dev.wellplan.contract;

import java.io.IOException;
import java.time.LocalDateTime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;

/**
 * Writes the contract's local date-times as {@code DateTimeFormatter.ISO_LOCAL_DATE_TIME} does
 * ({@code 2026-12-12T10:00:00}) without it: the notifier writes every applied event back to JSON, and formatting
 * its item starts was most of that. A year outside 0–9999, a fraction of a second, or timestamps asked for go to
 * Jackson's own {@link LocalDateTimeSerializer}.
 */
final class LocalDateTimeWriter extends StdScalarSerializer<LocalDateTime> {

    LocalDateTimeWriter() {
        super(LocalDateTime.class);
    }

    @Override
    public void serialize(LocalDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        int year = value.getYear();
        if (year < 0 || year > 9999 || value.getNano() != 0
                || provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
            LocalDateTimeSerializer.INSTANCE.serialize(value, gen, provider);
            return;
        }
        char[] text = new char[19];
        put(text, 0, year, 4);
        text[4] = '-';
        put(text, 5, value.getMonthValue(), 2);
        text[7] = '-';
        put(text, 8, value.getDayOfMonth(), 2);
        text[10] = 'T';
        put(text, 11, value.getHour(), 2);
        text[13] = ':';
        put(text, 14, value.getMinute(), 2);
        text[16] = ':';
        put(text, 17, value.getSecond(), 2);
        gen.writeString(text, 0, text.length);
    }

    private static void put(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
