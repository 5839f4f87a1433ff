package dev.wellplan.planner;

import java.util.Map;

import dev.wellplan.testing.TestServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts (once per JVM) the real PostgreSQL and Kafka the planner's tests run against. */
public class RealServers implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestServers.quarkusConfig();
    }

    @Override
    public void stop() {
        // the servers live for the whole test JVM and stop with it
    }
}
