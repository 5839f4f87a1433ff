package dev.wellplan.ops.dlq;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.KafkaException;

import picocli.CommandLine.Option;

import dev.wellplan.contract.PlanEvent;

/** Where the dead-letter topic is, and how long to wait for Kafka: what every {@code dlq} command is given. */
final class KafkaOptions {

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "the Kafka cluster (default ${DEFAULT-VALUE}: KAFKA_BOOTSTRAP_SERVERS, else the local stack's)")
    String bootstrapServers;

    @Option(names = "--dlq-topic", paramLabel = "TOPIC",
            description = "the dead-letter topic (default ${DEFAULT-VALUE})")
    String deadLetterTopic = PlanEvent.DEAD_LETTER_TOPIC;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "how long to wait for Kafka before giving up (default ${DEFAULT-VALUE})")
    int timeoutSeconds = 30;

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** The settings every client of these commands shares; {@code clientId} names it in the broker's logs. */
    Map<String, Object> clientConfig(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout().toMillis());
        return config;
    }

    /** Tells the operator what could not be done and why; returns the exit status for it. */
    int failed(PrintWriter err, String what, KafkaException e) {
        err.println("wellplan dlq: could not " + what + " at " + bootstrapServers + ": " + e.getMessage());
        err.flush();
        return DlqCommand.UNUSABLE;
    }
}
