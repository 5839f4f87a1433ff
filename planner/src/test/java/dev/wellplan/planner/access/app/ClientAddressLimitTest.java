package dev.wellplan.planner.access.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.access.LimitsConfig;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.Digests;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The per-client-address limit on anonymous requests, on the test database with a limit of three an hour and a
 * clock the test moves: the fourth request of an hour is refused until the next window, one address's count is not
 * another's, and a new window forgets the old ones.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ClientAddressLimitTest {

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

    private RateLimits limitsAt(Instant now) {
        // a proxy, not a class: CDI would take a class implementing the mapping's validated methods for a bean
        Map<String, Object> limits = Map.of("enrollmentsPerAddress", 3, "accessLinksPerAddress", 3,
                "addressWindow", Duration.ofDays(1), "requestsPerIp", 3, "ipWindow", Duration.ofHours(1));
        LimitsConfig config = (LimitsConfig) Proxy.newProxyInstance(LimitsConfig.class.getClassLoader(),
                new Class<?>[] {LimitsConfig.class}, (proxy, method, args) -> limits.get(method.getName()));
        return new RateLimits(handles, config, Clock.fixed(now, ZoneOffset.UTC));
    }
}
