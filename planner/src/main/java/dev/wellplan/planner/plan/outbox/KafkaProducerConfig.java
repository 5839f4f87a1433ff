package dev.wellplan.planner.plan.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.wellplan.support.outbox.IdempotentProducers;

/**
 * The relay's producer: idempotent, {@code acks=all}, and bounded waits so that a broker outage
 * turns into a failed batch (retried later) instead of a thread blocked for a minute.
 */
@ApplicationScoped
public class KafkaProducerConfig {

    @Produces
    @ApplicationScoped
    Producer<String, String> producer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return IdempotentProducers.create(bootstrapServers, "wellplan-planner-outbox");
    }

    void close(@Disposes Producer<String, String> producer) {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
