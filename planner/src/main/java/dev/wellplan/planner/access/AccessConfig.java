package dev.wellplan.planner.access;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may sign in and how often they may get it wrong, under {@code wellplan.access}. */
@ConfigMapping(prefix = "wellplan.access")
public interface AccessConfig {

    /** Failed sign-ins of one login, within {@link #signInWindow()}, after which it is refused with 429. */
    @WithDefault("5")
    @Min(1)
    int maxSignInFailures();

    /** How far back failed sign-ins count, and so how long a throttled login waits at most. */
    @WithDefault("PT15M")
    Duration signInWindow();

    /**
     * How long a verified login and password are remembered in memory, so that an API caller sending HTTP Basic
     * on every request pays for bcrypt once a minute, not on every request. Disabling an account forgets it at
     * once on the instance that disabled it, and within this time on the others.
     */
    @WithDefault("PT1M")
    Duration credentialCache();

    /**
     * How long the account behind a page session is trusted without reading it again, so that a coach browsing does
     * not cost a database read per page. Disabling an account signs its sessions out at once on the instance that
     * disabled it, and within this time on the others; zero reads it on every request.
     */
    @WithDefault("PT5S")
    Duration sessionRecheck();

    /**
     * Seed the local stack's and the tests' accounts ({@code coach}/{@code coach-local},
     * {@code admin}/{@code admin-local}) when absent. Only the {@code local} and {@code test} profiles set it;
     * any other profile refuses to start while those passwords still open an account.
     */
    @WithDefault("false")
    boolean seedLocalAccounts();

    /**
     * The first admin of a new installation, under {@code wellplan.access.first-admin}: every other account is
     * added by an admin, so without it a production planner would have nobody who may add one.
     */
    FirstAdmin firstAdmin();

    interface FirstAdmin {
        /**
         * The address the first admin signs in with (env {@code WELLPLAN_ACCESS_FIRST_ADMIN_EMAIL}). Added at
         * startup when no account has it; once it exists, nothing here changes it.
         */
        Optional<String> email();

        /**
         * Their password (env {@code WELLPLAN_ACCESS_FIRST_ADMIN_PASSWORD}), at least 12 characters: used only when
         * the account is added. Remove both settings after the first start, and let the admin change nothing else
         * through them.
         */
        Optional<String> password();
    }
}
