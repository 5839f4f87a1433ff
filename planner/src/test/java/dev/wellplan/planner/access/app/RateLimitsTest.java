package dev.wellplan.planner.access.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.EmailAddresses;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.access.LimitsConfig;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.Digests;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rate limits on the test database, with limits of three (requests per client address an hour, enrollments per
 * e-mail address a day) and a clock the test moves. Per client address: the fourth request of an hour is refused
 * until the next window, one address's count is not another's, and a new window forgets the old ones. Per e-mail
 * address: the fourth enrollment of a day is refused until the oldest is a day old, and enrollments racing for the
 * last place take it once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class RateLimitsTest {

    private static final Instant HOUR = Instant.parse("2027-01-04T10:00:00Z");

    @Inject
    Jdbi jdbi;

    @Inject
    TransactionHandles handles;

    @Test
    void the_fourth_request_of_an_hour_is_refused_until_the_next_window() {
        String address = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
        String other = "2001:db8::" + Integer.toHexString(Math.floorMod(UUID.randomUUID().hashCode(), 65000));

        limitsAt(HOUR.plusSeconds(60)).anonymousRequest(address);
        limitsAt(HOUR.plusSeconds(120)).anonymousRequest(address);
        limitsAt(HOUR.plusSeconds(180)).anonymousRequest(address);
        assertThatThrownBy(() -> limitsAt(HOUR.plusSeconds(1800)).anonymousRequest(address))
                .isInstanceOfSatisfying(Refusal.TooMany.class, refused -> {
                    assertThat(refused.getMessage()).isEqualTo("too many requests from this address");
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1801));
                });
        limitsAt(HOUR.plusSeconds(1800)).anonymousRequest(other);
        limitsAt(HOUR.plusSeconds(1800)).anonymousRequest(null); // no address known: nothing to count

        limitsAt(HOUR.plusSeconds(3600)).anonymousRequest(address);
        List<String> windows = jdbi.withHandle(h -> h.createQuery("SELECT count, window_start FROM planner.rate_window "
                        + "WHERE kind = 'request-ip' AND key = :key ORDER BY window_start")
                .bind("key", Digests.sha256Hex("request-ip", address))
                .map((rs, ctx) -> rs.getInt(1) + "@" + rs.getObject(2, OffsetDateTime.class).toInstant())
                .list());
        assertThat(windows).as("the old window is forgotten when a new one starts").containsExactly("1@" + HOUR.plusSeconds(3600));
        long named = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM planner.rate_window WHERE key LIKE :a")
                .bind("a", "%" + address + "%").mapTo(Long.class).one());
        assertThat(named).as("no address in the table").isZero();
    }

    @Test
    void the_fourth_enrollment_of_a_day_is_refused_until_the_oldest_is_a_day_old() {
        String email = "limit-" + UUID.randomUUID() + "@example.org";
        String other = "limit-" + UUID.randomUUID() + "@example.org";

        enroll(limitsAt(HOUR), email);
        enroll(limitsAt(HOUR.plusSeconds(60)), email);
        enroll(limitsAt(HOUR.plusSeconds(120)), email);
        assertThatThrownBy(() -> enroll(limitsAt(HOUR.plusSeconds(3600)), email))
                .isInstanceOfSatisfying(Refusal.TooMany.class, refused -> {
                    assertThat(refused.getMessage()).isEqualTo("this address has been enrolled too often today");
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(23).plusSeconds(1));
                });
        enroll(limitsAt(HOUR.plusSeconds(3600)), other);
        assertThat(events(email)).as("a refused enrollment counts for nothing").hasSize(3);

        enroll(limitsAt(HOUR.plus(Duration.ofDays(1)).plusSeconds(1)), email);
        assertThat(events(email)).as("the day-old enrollment is forgotten as the next one counts")
                .containsExactly(HOUR.plusSeconds(60), HOUR.plusSeconds(120),
                        HOUR.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThatThrownBy(() -> enroll(limitsAt(HOUR.plus(Duration.ofDays(1)).plusSeconds(2)), email))
                .isInstanceOf(Refusal.TooMany.class);
    }

    @Test
    void enrollments_racing_for_the_last_places_take_each_place_once() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        RateLimits limits = limitsAt(HOUR);
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Boolean>> taken = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                taken.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        QuarkusTransaction.requiringNew().run(() -> {
                            limits.enrollment(email);
                            // the place is held until the commit: a racer that read the count meanwhile would be wrong
                            sleep(Duration.ofMillis(50));
                        });
                        return true;
                    } catch (Refusal.TooMany refused) {
                        return false;
                    }
                }));
            }
            long accepted = 0;
            for (Future<Boolean> each : taken) {
                accepted += each.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(accepted).as("enrollments accepted of %d at once, limit 3", racers).isEqualTo(3);
            assertThat(events(email)).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void enroll(RateLimits limits, String email) {
        QuarkusTransaction.requiringNew().run(() -> limits.enrollment(email));
    }

    private List<Instant> events(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at FROM planner.rate_event WHERE kind = 'enrollment-address' "
                        + "AND key = :key ORDER BY at")
                .bind("key", Digests.sha256Hex("enrollment-address", EmailAddresses.normalize(email)))
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private RateLimits limitsAt(Instant now) {
        // a proxy, not a class: CDI would take a class implementing the mapping's validated methods for a bean
        Map<String, Object> limits = Map.of("enrollmentsPerAddress", 3, "accessLinksPerAddress", 3,
                "addressWindow", Duration.ofDays(1), "requestsPerIp", 3, "ipWindow", Duration.ofHours(1));
        LimitsConfig config = (LimitsConfig) Proxy.newProxyInstance(LimitsConfig.class.getClassLoader(),
                new Class<?>[] {LimitsConfig.class}, (proxy, method, args) -> limits.get(method.getName()));
        return new RateLimits(handles, config, Clock.fixed(now, ZoneOffset.UTC));
    }
}
