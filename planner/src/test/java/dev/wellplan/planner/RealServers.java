package dev.wellplan.planner;

import java.util.HashMap;
import java.util.Map;

import dev.wellplan.testing.TestServers;
import dev.wellplan.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts (once per JVM) the real PostgreSQL and Kafka the planner's tests run against, and gives the planner the
 * test JVM's token signing key.
 */
public class RealServers implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestServers.quarkusConfig());
        config.put("wellplan.tokens.sign-key", TestTokens.keys().privateKeyPem());
        return config;
    }

    @Override
    public void stop() {
        // the servers live for the whole test JVM and stop with it
    }
}
