package dev.wellplan.planner.access.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
 * address: the fourth enrollment of a day is refused until the oldest is a day old, and of two enrollments for the last
 * place the second waits for the first's transaction and is then refused.
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
    void an_enrollment_for_the_last_place_waits_for_the_one_taking_it_and_is_then_refused() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        RateLimits limits = limitsAt(HOUR);
        enroll(limits, email);
        enroll(limits, email);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                limits.enrollment(email); // the third place, not committed until this transaction ends
                holding.countDown();
                awaitUninterruptibly(release);
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("the first has taken the third place").isTrue();
            Future<Boolean> second = pool.submit(() -> {
                try {
                    enroll(limits, email);
                    return true;
                } catch (Refusal.TooMany refused) {
                    return false;
                }
            });

            // without the key's lock the second would read two committed places and take a fourth at once
            await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || advisoryLockWaiters() > 0);
            assertThat(second).as("the second waits on the key's lock while the first holds the place").isNotDone();
            release.countDown();
            first.get(30, TimeUnit.SECONDS);
            assertThat(second.get(30, TimeUnit.SECONDS)).as("refused once the first commits").isFalse();
            assertThat(events(email)).hasSize(3);
        } finally {
            release.countDown();
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

    private long advisoryLockWaiters() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").mapTo(Long.class).one());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
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
