package dev.wellplan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class LocalStackTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void startsEverythingPassesTheConfigurationRestartsAServiceAndStopsEverything() throws Exception {
        Path fake = FakeService.jar(Files.createDirectories(dir.resolve("jars")));
        List<Long> pids = new ArrayList<>();
        LocalStack stack = LocalStack.builder()
                .dataDir(dir.resolve("data"))
                .freePorts()
                .plannerJar(fake)
                .notifierJar(fake)
                .clockSpeed("60")
                .serviceJvmOptions(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"))
                .start();
        try {
            ServiceProcess planner = stack.planner();
            ServiceProcess notifier = stack.notifier();
            assertThat(planner.isReady()).isTrue();
            assertThat(notifier.isReady()).isTrue();
            assertThat(stack.plannerUrl()).isEqualTo("http://localhost:" + planner.port());

            JsonNode env = getJson(stack.plannerUrl() + "/env");
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText()).isEqualTo(stack.jdbcUrl())
                    .startsWith("jdbc:postgresql://localhost:").endsWith("/wellplan");
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME").asText()).isEqualTo("postgres");
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD").asText()).isEqualTo("postgres");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(stack.kafkaBootstrapServers());
            assertThat(env.get("QUARKUS_MAILER_HOST").asText()).isEqualTo("localhost");
            assertThat(env.get("QUARKUS_MAILER_PORT").asInt()).isEqualTo(stack.mail().smtpPort());
            assertThat(env.get("QUARKUS_HTTP_PORT").asInt()).isEqualTo(planner.port());
            assertThat(env.get("QUARKUS_MANAGEMENT_PORT").asInt()).isEqualTo(planner.managementPort())
                    .isNotEqualTo(planner.port());
            assertThat(planner.healthUrl()).isEqualTo("http://localhost:" + planner.managementPort() + "/q/health/ready");
            assertThat(env.get("QUARKUS_HTTP_HOST").asText()).isEqualTo("127.0.0.1");
            assertThat(env.get("QUARKUS_MANAGEMENT_HOST").asText()).isEqualTo("127.0.0.1");
            assertThat(env.get("WELLPLAN_HTTP_ALLOWED_ORIGINS").asText())
                    .isEqualTo("http://localhost:" + planner.port() + ",http://127.0.0.1:" + planner.port());
            assertThat(List.of(stack.postgres().port(), stack.kafka().port(), stack.mail().smtpPort(),
                    stack.mail().apiPort(), planner.port(), planner.managementPort(), notifier.port(),
                    notifier.managementPort())).as("every port listens on this machine only")
                    .allSatisfy(port -> assertThat(Ports.listeningBeyondLoopback(port)).as("port %d", port).isEmpty())
                    .allSatisfy(port -> assertThat(Ports.isListening(port)).as("port %d", port).isTrue());
            assertThat(env.get("WELLPLAN_CLOCK_SPEED").asText()).isEqualTo("60");
            assertThat(env.get("QUARKUS_PROFILE").asText()).isEqualTo("local");
            JsonNode notifierEnv = getJson(stack.notifierUrl() + "/env");
            assertThat(notifierEnv.get("QUARKUS_HTTP_PORT").asInt()).isEqualTo(notifier.port());
            TokenKeys keys = TokenKeys.inDirectory(stack.dataDir().resolve("keys"));
            assertThat(env.get("WELLPLAN_TOKENS_SIGN_KEY").asText()).as("the planner signs").isEqualTo(keys.privateKeyPem());
            assertThat(env.has("QUARKUS_OIDC_PUBLIC_KEY")).isFalse();
            assertThat(notifierEnv.get("QUARKUS_OIDC_PUBLIC_KEY").asText()).as("the notifier checks")
                    .isEqualTo(keys.publicKeyPem());
            assertThat(notifierEnv.has("WELLPLAN_TOKENS_SIGN_KEY")).as("the private key stays with the planner").isFalse();

            long killed = planner.pid();
            planner.kill();
            assertThat(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            planner.start().waitUntilReady(Duration.ofSeconds(60));
            assertThat(planner.pid()).isNotEqualTo(killed);
            assertThat(stack.dataDir().resolve("logs/planner.log")).content().contains("fake service listening");

            pids.add(planner.pid());
            pids.add(notifier.pid());
            pids.add(stack.kafka().pid());
            pids.add(stack.postgres().pid());
            assertThat(pids).allMatch(pid -> pid > 0 && ProcessHandle.of(pid).isPresent());
        } finally {
            stack.close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pids.stream().noneMatch(LocalStackTest::alive));
    }

    @Test
    void theLauncherLeavesNothingBehindWhenItIsKilledWithSigkill() throws Exception {
        Path fake = FakeService.jar(Files.createDirectories(dir.resolve("jars")));
        Path data = dir.resolve("data");
        Path output = dir.resolve("launcher.out");
        Process launcher = new ProcessBuilder(ChildProcess.javaExecutable().toString(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "up", "--free-ports", "--data-dir", data.toString(),
                "--planner-jar", fake.toString(), "--notifier-jar", fake.toString(), "--speed", "5")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(180)).until(() -> {
                assertThat(launcher.isAlive()).as("launcher alive; output:%n%s", read(output)).isTrue();
                return read(output).contains("wellplan is up");
            });
            String out = read(output);
            Matcher planner = Pattern.compile("planner\\s+(http://localhost:\\d+)").matcher(out);
            assertThat(planner.find()).as(out).isTrue();
            assertThat(getJson(planner.group(1) + "/env").get("WELLPLAN_CLOCK_SPEED").asText()).isEqualTo("5");
            assertThat(out).contains("mail UI", "PostgreSQL  jdbc:postgresql://localhost:", "Kafka       localhost:");

            List<Long> pids = launcher.descendants().map(ProcessHandle::pid).collect(Collectors.toList());
            long postmaster = Long.parseLong(
                    Files.readAllLines(data.resolve("postgres/data/postmaster.pid")).get(0).trim());
            pids.add(postmaster);
            // 2 services + Kafka, each with its watcher, + the PostgreSQL watcher, + the postmaster
            assertThat(pids).hasSizeGreaterThanOrEqualTo(8);

            launcher.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(
                    pids.stream().filter(LocalStackTest::alive).map(LocalStackTest::describe).toList()).isEmpty());
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void reportsWhichServiceFailedAndWhereItsLogIs() throws Exception {
        Path fake = FakeService.jar(Files.createDirectories(dir.resolve("jars")));
        Path log = dir.resolve("logs/planner.log");
        ServiceProcess failing = new ServiceProcess("planner", Ports.free(), Ports.free(),
                List.of("-jar", fake.toString()), Map.of("FAKE_EXIT", "3"), dir.resolve("run"), log);
        failing.start();
        assertThatThrownBy(() -> failing.waitUntilReady(Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("planner exited with code 3")
                .hasMessageContaining(log.toString())
                .hasMessageContaining("failing on purpose");
    }

    @Test
    void refusesADataDirectoryThatIsNotItsOwn() throws Exception {
        Path notOurs = Files.createDirectories(dir.resolve("home"));
        Files.writeString(notOurs.resolve("thesis.txt"), "precious");
        assertThatThrownBy(() -> LocalStack.builder().dataDir(notOurs).freePorts().fresh(true).start())
                .hasMessageContaining("not a wellplan data directory");
        assertThat(notOurs.resolve("thesis.txt")).hasContent("precious");
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception e) {
            return true;
        }
    }

    private static String describe(long pid) {
        return pid + " " + ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("?");
    }

    private static String read(Path file) throws Exception {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static JsonNode getJson(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
