package dev.wellplan.planner.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * The server's own time per request, as Quarkus' Micrometer binder records it ({@code http.server.requests}: from the
 * request's arrival on the event loop to the end of the response, so waiting for a worker thread counts). The filter
 * asks the timers for p50/p95/p99 over the whole run; {@link #report} reads them per route template.
 */
@Singleton
public class ServerTimes {

    static final String TIMER = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter percentilesOfRequests() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMER.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.50, 0.95, 0.99).percentilePrecision(2)
                        .expiry(Duration.ofHours(1)).bufferLength(1).build().merge(config);
            }
        };
    }

    /** Per GET route that starts with the prefix: count, p50, p95 and max in milliseconds, then the timers go. */
    static Map<String, String> report(MeterRegistry registry, String prefix) {
        Map<String, String> lines = new TreeMap<>();
        for (Timer timer : registry.find(TIMER).tag("method", "GET").timers()) {
            String uri = timer.getId().getTag("uri");
            if (uri == null || !uri.startsWith(prefix)) {
                continue;
            }
            double p50 = 0;
            double p95 = 0;
            for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
                if (value.percentile() == 0.50) {
                    p50 = value.value(TimeUnit.MILLISECONDS);
                } else if (value.percentile() == 0.95) {
                    p95 = value.value(TimeUnit.MILLISECONDS);
                }
            }
            lines.merge(uri, String.format(Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms (status %s)",
                    timer.count(), p50, p95, timer.max(TimeUnit.MILLISECONDS),
                    timer.getId().getTag("status")), (a, b) -> a + "; " + b);
        }
        registry.find(TIMER).timers().forEach(registry::remove);
        return lines;
    }
}
