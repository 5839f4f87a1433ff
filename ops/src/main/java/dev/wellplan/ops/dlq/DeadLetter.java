package dev.wellplan.ops.dlq;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import dev.wellplan.contract.PlanEvent;

/**
 * One record on the dead-letter topic: the original key, value and headers, plus the notifier's
 * {@code dead-letter-*} headers. Its value holds the client's name and e-mail address like any plan event, so
 * nothing here prints it: what an operator sees is where it is, which plan and event, and why it failed.
 */
record DeadLetter(int partition, long offset, byte[] key, byte[] value, List<Header> headers) {

    static final String REASON_HEADER = "dead-letter-reason";
    /** The headers the outbox relay writes (event id and type); a replay carries them, and no dead-letter ones. */
    static final String EVENT_HEADER_PREFIX = "wellplan-event-";
    private static final int LONGEST_SHOWN = 300;
    private static final Pattern QUOTED = Pattern.compile("(['\"`])[^'\"`]*\\1");

    static DeadLetter of(ConsumerRecord<byte[], byte[]> r) {
        return new DeadLetter(r.partition(), r.offset(), r.key(), r.value(), List.of(r.headers().toArray()));
    }

    /** {@code partition:offset}, as {@code dlq replay --offset} takes it. */
    RecordPosition position() {
        return new RecordPosition(partition, offset);
    }

    /**
     * Why the notifier refused it: the message of the exception it was nacked with. A JSON parser quotes the token it
     * failed on ({@code Unrecognized token 'Ana'}), which may be a piece of the payload, so quoted text is masked.
     */
    String reason() {
        String reason = header(REASON_HEADER);
        return shown(reason == null ? null : QUOTED.matcher(reason).replaceAll("$1...$1"));
    }

    String eventId() {
        return shown(header(PlanEvent.EVENT_ID_HEADER));
    }

    String eventType() {
        return shown(header(PlanEvent.EVENT_TYPE_HEADER));
    }

    /** The record key when it is a plan id, as the relay writes it; anything else is not shown. */
    String planKey() {
        if (key == null) {
            return "-";
        }
        String text = new String(key, StandardCharsets.UTF_8);
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            return "(not a plan id)";
        }
    }

    /** The record to publish again: same key and value, and only the relay's own headers. */
    ProducerRecord<byte[], byte[]> replayTo(String topic) {
        List<Header> eventHeaders = headers.stream().filter(h -> h.key().startsWith(EVENT_HEADER_PREFIX)).toList();
        return new ProducerRecord<>(topic, null, key, value, eventHeaders);
    }

    /** The last value of a header, or null. */
    private String header(String name) {
        Header found = null;
        for (Header h : headers) {
            if (h.key().equals(name)) {
                found = h;
            }
        }
        return found == null || found.value() == null ? null : new String(found.value(), StandardCharsets.UTF_8);
    }

    /** One line, of bounded length: a header may span lines or be long, and a listing stays one record a line. */
    private static String shown(String text) {
        if (text == null) {
            return "-";
        }
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= LONGEST_SHOWN ? line : line.substring(0, LONGEST_SHOWN) + "...";
    }

    @Override
    public String toString() {
        return "DeadLetter " + position() + " plan " + planKey(); // never the value: it holds personal data
    }
}
