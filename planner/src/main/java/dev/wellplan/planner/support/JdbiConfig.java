package dev.wellplan.planner.support;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * JDBI on the container's data source. Transactions belong to the container ({@code @Transactional}
 * service methods): the connection JDBI gets inside one is enlisted in it, so the plan rows and
 * the outbox row commit or roll back together.
 */
@ApplicationScoped
public class JdbiConfig {

    @Produces
    @ApplicationScoped
    Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        // The container commits; a handle closing inside its transaction is expected, not a leak.
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        return jdbi;
    }
}
