package dev.wellplan.support;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * JDBI on the container's data source, for both services. Transactions belong to the container
 * ({@code @Transactional} use-case methods): the connection JDBI gets inside one is enlisted in it, so
 * what one use case writes (a plan and its outbox row; a processed mark and the reminder ledger)
 * commits or rolls back together.
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
