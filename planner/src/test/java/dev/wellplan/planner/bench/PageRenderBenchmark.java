package dev.wellplan.planner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.access.app.AccountView;
import dev.wellplan.planner.access.app.Accounts;
import dev.wellplan.planner.plan.api.EnrollmentReader;
import dev.wellplan.planner.plan.app.Confirmations;
import dev.wellplan.planner.plan.app.Enrollments;
import dev.wellplan.planner.web.Browser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The coach pages under load: 1,000 plans in the database (50 for each of 20 coaches), then 20 coaches signed in with
 * the form browse at once (roster, a plan, its history, in turns) for {@code bench.rounds} rounds; prints p50/p95 per
 * page (each request timed from send to last byte over loopback, so the server's render plus a loopback round trip)
 * and the bytes of CSS and JavaScript each page loads. Goal: p95 under 50 ms.
 *
 * <p>{@code mvn -B -pl planner -am install -DskipTests && mvn -B -pl planner test -Pbench -Dtest=PageRenderBenchmark}
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PageRenderBenchmark {

    static final int COACHES = 20;
    static final int PLANS_PER_COACH = 50;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 30);
    static final String PASSWORD = "a bench coach password";
    private static final Pattern ASSETS = Pattern.compile("<(?:link rel=\"stylesheet\" href|script src)=\"([^\"]+)\"");

    @Inject
    Enrollments enrollments;
    @Inject
    Confirmations confirmations;
    @Inject
    Accounts accounts;
    @Inject
    EnrollmentReader reader;
    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twenty_coaches_browse_a_thousand_plans() throws Exception {
        List<AccountView> coaches = new ArrayList<>();
        Map<String, List<UUID>> plans = new ConcurrentHashMap<>();
        for (int c = 0; c < COACHES; c++) {
            AccountView coach = accounts.addCoach("bench-" + UUID.randomUUID() + "@example.org", "Bench Coach " + c, PASSWORD);
            coaches.add(coach);
            List<UUID> theirs = new ArrayList<>();
            for (int p = 0; p < PLANS_PER_COACH; p++) {
                UUID id = enrollments.enroll(reader.read(Assessments.valid()), null,
                        new Enrollments.Requester(coach.id().toString(), null)).plan().id();
                confirmations.confirm(id);
                theirs.add(id);
            }
            plans.put(coach.login(), theirs);
        }
        System.out.printf(Locale.ROOT, "bench: %d plans stored for %d coaches%n", COACHES * PLANS_PER_COACH, COACHES);

        Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
        Map<String, Long> assets = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(COACHES);
        List<Future<?>> browsing = new ArrayList<>();
        for (AccountView coach : coaches) {
            browsing.add(pool.submit(() -> {
                String cookies = Browser.SESSION + "=" + Browser.signIn(coach.login(), PASSWORD);
                List<UUID> theirs = plans.get(coach.login());
                for (int round = 0; round < ROUNDS; round++) {
                    UUID plan = theirs.get(round % theirs.size());
                    time("roster", "coach/roster", cookies, times, assets);
                    time("plan", "coach/plans/" + plan, cookies, times, assets);
                    time("history", "coach/plans/" + plan + "/history", cookies, times, assets);
                }
                return null;
            }));
        }
        for (Future<?> coach : browsing) {
            coach.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();

        Map<String, String> report = new TreeMap<>();
        times.forEach((page, all) -> {
            List<Long> sorted = new ArrayList<>(all);
            Collections.sort(sorted);
            report.put(page, String.format(Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms, CSS+JS %,d bytes",
                    sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), sorted.get(sorted.size() - 1) / 1e6,
                    assets.get(page)));
        });
        report.forEach((page, line) -> System.out.printf(Locale.ROOT, "bench: %-8s %s%n", page, line));
        assertThat(report).hasSize(3);
        assets.values().forEach(bytes -> assertThat(bytes).isLessThan(100 * 1024));
    }

    private void time(String page, String path, String cookies, Map<String, ConcurrentLinkedQueue<Long>> times,
                      Map<String, Long> assets) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
            throw new AssertionError(page + " answered " + answer.statusCode());
        }
        times.computeIfAbsent(page, p -> new ConcurrentLinkedQueue<>()).add(took);
        assets.computeIfAbsent(page, p -> assetBytes(answer.body()));
    }

    /** The bytes of the stylesheets and scripts a page links to, as served. */
    private long assetBytes(String html) {
        long bytes = 0;
        Matcher asset = ASSETS.matcher(html);
        while (asset.find()) {
            try {
                bytes += http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(asset.group(1))).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body().length;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return bytes;
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
