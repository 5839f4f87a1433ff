package dev.wellplan.support.db;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/**
 * The database password, required: {@code quarkus.datasource.password} is optional to Quarkus, so a production
 * service without one would connect without a password (or wait on Flyway's retries) instead of saying what is
 * missing. Mapped here, under {@code wellplan.database}, a missing password stops the start at once with a message
 * naming {@code WELLPLAN_DB_PASSWORD}. Only the {@code local} and {@code test} profiles have a default.
 */
@ConfigMapping(prefix = "wellplan.database")
@Unremovable // nothing injects it: it is here to be checked at startup
public interface DatabaseConfig {

    /**
     * The password the datasource connects with: {@code quarkus.datasource.password}, which each service sets from
     * {@code WELLPLAN_DB_PASSWORD} (an operator may set {@code QUARKUS_DATASOURCE_PASSWORD} instead). No default
     * outside the local stack and the tests.
     */
    String password();
}
