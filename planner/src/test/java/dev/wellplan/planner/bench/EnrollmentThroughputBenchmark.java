package dev.wellplan.planner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Enrollments per second through {@code POST /api/enrollments}, from {@code bench.clients} (16) concurrent HTTP
 * clients for {@code bench.seconds} (20) after a warm-up: once as clients enrolling themselves (anonymous, each
 * with an address of their own) and once as a coach signed in with HTTP Basic on every request (the password is
 * checked with bcrypt once, then remembered for {@code wellplan.access.credential-cache}). Prints rate, p50 and p99,
 * and the CPU per enrollment of this JVM (the planner and the HTTP clients together) and of PostgreSQL. The file uses
 * nothing but HTTP, the JDK and the datasource's URL, so the same file runs on an older commit for a before/after
 * comparison.
 *
 * <p>{@code mvn -B -ntp install -DskipTests && mvn -B -ntp -pl planner test -Pbench -Dtest=EnrollmentThroughputBenchmark}
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class EnrollmentThroughputBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 8);

    @TestHTTPResource("/api/enrollments")
    URL enrollments;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void enrollments_per_second_from_sixteen_clients() throws Exception {
        String password = System.getProperty("bench.coach-password", "coach-local");
        String coach = "Basic " + Base64.getEncoder().encodeToString(("coach:" + password)
                .getBytes(StandardCharsets.UTF_8));
        run("warm-up", null, WARM_UP_SECONDS);
        String anonymous = run("self-enrollment (anonymous)", null, SECONDS);
        String signedIn = run("coach, HTTP Basic", coach, SECONDS);
        System.out.printf(Locale.ROOT, "bench: %d clients, %d s each%nbench: %s%nbench: %s%n", CLIENTS, SECONDS,
                anonymous, signedIn);
    }

    private String run(String name, String authorization, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        long start = System.nanoTime();
        Duration jvmBefore = jvmCpu();
        Duration postgresBefore = postgresCpu();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(enrollments.toURI())
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(assessment()));
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                    long sent = System.nanoTime();
                    int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 201) {
                        times.add(System.nanoTime() - sent);
                    } else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(seconds + 60L, TimeUnit.SECONDS);
        }
        double took = (System.nanoTime() - start) / 1e9;
        Duration jvm = jvmCpu().minus(jvmBefore);
        Duration postgres = postgresCpu().minus(postgresBefore);
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        assertThat(refused.get()).as("%s: answers other than 201", name).isZero();
        assertThat(sorted).as(name).isNotEmpty();
        return String.format(Locale.ROOT, "%-28s %,7.1f enrollments/s (%,d in %.1f s), p50 %.1f ms, p99 %.1f ms, "
                        + "CPU per enrollment: JVM %.2f ms, PostgreSQL %.2f ms", name, sorted.size() / took,
                sorted.size(), took, ms(sorted, 0.50), ms(sorted, 0.99), jvm.toNanos() / 1e6 / sorted.size(),
                postgres.toNanos() / 1e6 / sorted.size());
    }

    private static Duration jvmCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The test PostgreSQL's server process (found by its port: it is not this JVM's child) and its backends. */
    private Duration postgresCpu() {
        String port = " -p " + URI.create(jdbcUrl.substring("jdbc:".length())).getPort() + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                        && p.info().arguments().map(a -> (" " + String.join(" ", a) + " ").contains(port))
                        .orElse(false))
                .flatMap(server -> Stream.concat(Stream.of(server), server.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** A valid assessment of a client with an address of their own, starting next Monday. */
    private static String assessment() {
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        return """
                {"client": {"name": "Bench Client", "email": "bench-%s@example.com", "timeZone": "Europe/Lisbon"},
                 "startDate": "%s",
                 "pain": {"area": "LOWER_BACK", "intensity": 6, "weeks": 16, "pattern": "NON_SPECIFIC",
                          "drivers": ["STRESS"]},
                 "redFlags": [],
                 "preferences": {"massageDays": ["TUESDAY", "SATURDAY"], "highStressDays": ["MONDAY"],
                                 "massageTime": "10:00", "exerciseTime": "07:30", "exerciseDaysPerWeek": 3,
                                 "pressure": "MEDIUM", "quietHours": {"from": "21:00", "to": "07:00"}},
                 "equipment": ["FOAM_ROLLER", "LACROSSE_BALL"]}""".formatted(UUID.randomUUID(), monday);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
