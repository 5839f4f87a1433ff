package dev.wellplan.contract;

import java.time.LocalDateTime;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of every record on the contract's topics. Unknown properties are ignored on read (additive schema changes
 * must not break an older consumer), so is an enum value this reader does not know (it reads as null); dates and
 * times are ISO-8601 strings.
 */
final class ContractJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            // registered after JavaTimeModule, so these take LocalDateTime in its place (and hand it what they cannot)
            .registerModule(new SimpleModule("contract-local-date-time")
                    .addDeserializer(LocalDateTime.class, new LocalDateTimeReader())
                    .addSerializer(LocalDateTime.class, new LocalDateTimeWriter()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);

    /** A quoted stretch of a parser message: 'token', "value" or `value`. */
    private static final Pattern QUOTED = Pattern.compile("(['\"`])[^'\"`]*\\1");

    private ContractJson() {
    }

    /**
     * Why a record could not be read, fit for logs and the dead-letter header: the first line of the innermost message
     * (Jackson appends the source after it), with what the parser quotes from the payload ("Unrecognized token 'Ana'",
     * a value it could not read) blanked out, as it can be a name, an address or a health answer.
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null) {
            return t.getClass().getSimpleName();
        }
        return QUOTED.matcher(m.lines().findFirst().orElse(m)).replaceAll("$1…$1");
    }
}
