package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside the local stack and the tests there is no default database password: a service started without one
 * stops at once, before it touches the database, and says which variable to set.
 */
class ProductionConfigSystemTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"planner", "notifier"})
    void a_service_without_a_database_password_refuses_to_start_naming_the_variable(String service) throws Exception {
        Path output = dir.resolve(service + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Stacks.ROOT.resolve(service + "/target/quarkus-app/quarkus-run.jar");
        ProcessBuilder start = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // the production profile, with everything it needs but the password
        start.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("WELLPLAN_"));
        start.environment().put("WELLPLAN_LINKS_SECRET", "a production-like link secret of 32 bytes or more");
        start.environment().put("QUARKUS_HTTP_PORT", "0");
        start.environment().put("QUARKUS_MANAGEMENT_PORT", "0");
        Process process = start.start();
        try {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s stops by itself", service).isTrue();
            String log = Files.readString(output);
            assertThat(process.exitValue()).as(log).isNotZero();
            assertThat(log).contains("WELLPLAN_DB_PASSWORD").doesNotContain("Flyway");
        } finally {
            process.destroyForcibly();
        }
    }
}
