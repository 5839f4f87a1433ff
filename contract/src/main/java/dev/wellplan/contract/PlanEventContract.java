package dev.wellplan.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Where the contract's documents live on the classpath: the JSON Schemas (plan events, delivery events), the AsyncAPI
 * document and the golden samples. Producers and consumers test against the same samples, so a change that one
 * side cannot read fails a build before it reaches the topic.
 */
public final class PlanEventContract {

    /** The JSON Schema (draft 2020-12) of one {@code plan-events} record value at {@link PlanEvent#SCHEMA_VERSION}. */
    public static final String SCHEMA_RESOURCE =
            "/dev/wellplan/contract/schema/plan-event.v" + PlanEvent.SCHEMA_VERSION + ".schema.json";
    /** The JSON Schema of one {@code delivery-events} record value ({@link DeliveryEvent}). */
    public static final String DELIVERY_SCHEMA_RESOURCE = "/dev/wellplan/contract/schema/delivery-event.v1.schema.json";
    /** The AsyncAPI 3.0 document for {@code plan-events}, {@code delivery-events} and their dead-letter topics. */
    public static final String ASYNCAPI_RESOURCE = "/dev/wellplan/contract/asyncapi.yaml";

    private static final String SAMPLES = "/dev/wellplan/contract/samples/";

    /** Every golden plan event: one per event type (see {@link #sampleName}) plus named variants. */
    public static final List<String> SAMPLE_NAMES = List.of(
            "plan-created.v1.json",
            "plan-adjusted.v1.json",
            "plan-adjusted-paused.v1.json",
            "plan-status-changed.v1.json",
            "plan-status-changed-cancelled.v1.json",
            "plan-status-changed-red-flag.v1.json",
            "plan-assigned.v1.json",
            "access-link-requested.v1.json",
            "check-in-recorded.v1.json");

    /** Every golden delivery event, in the same folder. */
    public static final List<String> DELIVERY_SAMPLE_NAMES = List.of("delivery-failed.v1.json");

    private PlanEventContract() {
    }

    /** The golden sample for a type: {@code PlanStatusChanged} → {@code plan-status-changed.v1.json}. */
    public static String sampleName(PlanEventType type) {
        String kebab = type.name().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return kebab + ".v" + PlanEvent.SCHEMA_VERSION + ".json";
    }

    /** The text of a golden sample, by file name. */
    public static String sample(String name) {
        return read(SAMPLES + name);
    }

    /** The text of a classpath resource of this module, e.g. {@link #SCHEMA_RESOURCE}. */
    public static String read(String resource) {
        try (InputStream in = PlanEventContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract resource " + resource, e);
        }
    }
}
