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
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The coach pages under load: 1,000 plans in the database (50 for each of 20 coaches), then 20 coaches signed in with
 * the form browse at once (roster, a plan, its history, in turns) for {@code bench.rounds} rounds, twice: as people
 * browse ({@code bench.think-ms}, 1 s, between pages) and flat out (no pause: 20 requests always in flight). Before
 * both, one round as people browse, printed apart: the first pages after the start, run by code the JIT has not
 * compiled yet and classes not loaded yet, which would otherwise make the browsing phase's tail. Prints
 * per page p50/p95 as the client sees it (send to last byte over loopback) and as the server records it (Micrometer's
 * {@code http.server.requests}, see {@link ServerTimes}), and the bytes of CSS and JavaScript each page loads.
 * Goal: p95 under 50 ms server-side.
 *
 * <p>{@code mvn -B -pl planner -am install -DskipTests && mvn -B -pl planner test -Pbench -Dtest=PageRenderBenchmark}
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PageRenderBenchmark {

    static final int COACHES = 20;
    static final int PLANS_PER_COACH = 50;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
    static final long THINK_MS = Long.getLong("bench.think-ms", 1000);
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
    @Inject
    MeterRegistry registry;
    @TestHTTPResource("/")
    URL base;

    /**
     * One client, and so one connection, per coach, as each coach's browser has its own; HTTP/1.1, as browsers speak
     * it without TLS (they never upgrade a cleartext connection to HTTP/2). One client shared by all coaches would
     * carry every coach's pages as streams of a single upgraded HTTP/2 connection, one event loop and one lock.
     */
    private final Map<String, HttpClient> browsers = new ConcurrentHashMap<>();

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

        Map<String, Long> assets = new ConcurrentHashMap<>();
        Map<String, String> cookies = new ConcurrentHashMap<>();
        for (AccountView coach : coaches) {
            cookies.put(coach.login(), Browser.SESSION + "=" + Browser.signIn(coach.login(), PASSWORD));
        }
        browse("first round after the start (cold)", THINK_MS, 1, coaches, plans, cookies, assets);
        browse("browsing, " + THINK_MS + " ms between pages", THINK_MS, ROUNDS, coaches, plans, cookies, assets);
        browse("flat out, no pause", 0, ROUNDS, coaches, plans, cookies, assets);
        assertThat(assets).hasSize(3);
        assets.forEach((page, bytes) -> System.out.printf(Locale.ROOT, "bench: %-8s CSS+JS %,d bytes%n", page, bytes));
        assets.values().forEach(bytes -> assertThat(bytes).isLessThan(100 * 1024));
    }

    /** Every coach at once, in a thread of their own: roster, a plan, its history, with a pause after each page. */
    private void browse(String phase, long thinkMillis, int rounds, List<AccountView> coaches,
                        Map<String, List<UUID>> plans, Map<String, String> cookies, Map<String, Long> assets)
            throws Exception {
        ServerTimes.report(registry, "/"); // what signing in and the last phase left behind
        Map<String, ConcurrentLinkedQueue<Long>> times = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(COACHES);
        List<Future<?>> browsing = new ArrayList<>();
        long start = System.nanoTime();
        for (AccountView coach : coaches) {
            browsing.add(pool.submit(() -> {
                String session = cookies.get(coach.login());
                HttpClient http = browser(coach.login());
                List<UUID> theirs = plans.get(coach.login());
                Thread.sleep(thinkMillis * coaches.indexOf(coach) / coaches.size()); // coaches do not click in step
                for (int round = 0; round < rounds; round++) {
                    UUID plan = theirs.get(round % theirs.size());
                    time(http, "roster", "coach/roster", session, times, assets);
                    Thread.sleep(thinkMillis);
                    time(http, "plan", "coach/plans/" + plan, session, times, assets);
                    Thread.sleep(thinkMillis);
                    time(http, "history", "coach/plans/" + plan + "/history", session, times, assets);
                    Thread.sleep(thinkMillis);
                }
                return null;
            }));
        }
        for (Future<?> coach : browsing) {
            coach.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        int requests = times.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();
        System.out.printf(Locale.ROOT, "bench: %s: %d coaches, %d requests in %.1f s (%.1f pages/s)%n", phase,
                coaches.size(), requests, seconds, requests / seconds);
        new TreeMap<>(times).forEach((page, all) -> {
            List<Long> sorted = new ArrayList<>(all);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "bench:   client %-8s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms%n", page,
                    sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), sorted.get(sorted.size() - 1) / 1e6);
        });
        Map<String, String> server = ServerTimes.report(registry, "/coach/");
        server.forEach((uri, line) -> System.out.printf(Locale.ROOT, "bench:   server %-28s %s%n", uri, line));
        assertThat(server).as("server-side timers of the coach pages").hasSizeGreaterThanOrEqualTo(3);
    }

    private HttpClient browser(String login) {
        return browsers.computeIfAbsent(login,
                l -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    private void time(HttpClient http, String page, String path, String cookies,
                      Map<String, ConcurrentLinkedQueue<Long>> times, Map<String, Long> assets) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookies)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
            throw new AssertionError(page + " answered " + answer.statusCode());
        }
        times.computeIfAbsent(page, p -> new ConcurrentLinkedQueue<>()).add(took);
        if (!assets.containsKey(page)) { // fetched outside the map's lock, which would hold up the other coaches
            assets.putIfAbsent(page, assetBytes(http, answer.body()));
        }
    }

    /** The bytes of the stylesheets and scripts a page links to, as served. */
    private long assetBytes(HttpClient http, String html) {
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
