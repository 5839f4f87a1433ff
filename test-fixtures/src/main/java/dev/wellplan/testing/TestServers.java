package dev.wellplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.wellplan.stack.KafkaBroker;
import dev.wellplan.stack.PostgresServer;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, on free ports in a temporary
 * directory, started on first use and stopped when the JVM exits. Service tests point Quarkus
 * at them through {@link #quarkusConfig()}; no Docker is involved.
 */
public final class TestServers {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private TestServers() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(root().resolve("postgres"), 0);
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(root().resolve("kafka"), 0, 0).waitUntilReady();
        }
        return kafka;
    }

    /** The configuration a Quarkus service needs to use both servers. */
    public static Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres().jdbcUrl(),
                "quarkus.datasource.username", postgres().user(),
                "quarkus.datasource.password", postgres().password(),
                "kafka.bootstrap.servers", kafka().bootstrapServers());
    }

    private static Path root;

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("wellplan-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }
}
