package dev.wellplan.planner.access;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much one address and one client address may ask of wellplan, under {@code wellplan.limits}: what a spammer
 * could make wellplan mail to a stranger. Each limit is a count within a window; past it the request is refused
 * with 429 and Retry-After. The benchmarks raise them by configuration.
 */
@ConfigMapping(prefix = "wellplan.limits")
public interface LimitsConfig {

    /** Enrollments (each one sends a confirmation e-mail) per e-mail address within {@link #addressWindow()}. */
    @WithDefault("3")
    @Min(1)
    int enrollmentsPerAddress();

    /** Fresh links by e-mail ({@code POST /api/access-links}) per e-mail address within {@link #addressWindow()}. */
    @WithDefault("3")
    @Min(1)
    int accessLinksPerAddress();

    @WithDefault("P1D")
    Duration addressWindow();

    /** Anonymous enrollments and fresh-link requests per client IP address within {@link #ipWindow()}. */
    @WithDefault("30")
    @Min(1)
    int requestsPerIp();

    @WithDefault("PT1H")
    Duration ipWindow();
}
