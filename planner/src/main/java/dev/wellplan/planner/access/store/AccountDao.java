package dev.wellplan.planner.access.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of coach and admin accounts and of failed sign-ins. */
@RegisterConstructorMapper(AccountRow.class)
public interface AccountDao {

    String COLUMNS = "id, login, email, name, role, password_hash, disabled, created_at, last_sign_in_at";

    /** Adds an account; 0 when its login or e-mail address is taken. */
    @SqlUpdate("""
            INSERT INTO planner.account (id, login, email, name, role, password_hash, created_at)
            VALUES (:id, :login, :email, :name, :role, :hash, :at) ON CONFLICT DO NOTHING""")
    int insert(@Bind("id") UUID id, @Bind("login") String login, @Bind("email") String email,
               @Bind("name") String name, @Bind("role") String role, @Bind("hash") String passwordHash,
               @Bind("at") Instant at);

    @SqlQuery("SELECT " + COLUMNS + " FROM planner.account WHERE login = :login")
    Optional<AccountRow> findByLogin(@Bind("login") String login);

    @SqlQuery("SELECT " + COLUMNS + " FROM planner.account WHERE id = :id")
    Optional<AccountRow> find(@Bind("id") UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM planner.account ORDER BY role, name, login")
    List<AccountRow> all();

    @SqlUpdate("UPDATE planner.account SET disabled = :disabled WHERE id = :id")
    int setDisabled(@Bind("id") UUID id, @Bind("disabled") boolean disabled);

    @SqlUpdate("UPDATE planner.account SET last_sign_in_at = :at WHERE id = :id")
    void signedIn(@Bind("id") UUID id, @Bind("at") Instant at);

    // ---- failed sign-ins ----------------------------------------------------------------------

    @SqlUpdate("INSERT INTO planner.sign_in_failure (login_key, failed_at) VALUES (:key, :at)")
    void recordFailure(@Bind("key") String loginKey, @Bind("at") Instant at);

    /** The failures of a login since {@code since}, oldest first (their times: when the throttle lifts). */
    @SqlQuery("""
            SELECT failed_at FROM planner.sign_in_failure WHERE login_key = :key AND failed_at > :since
            ORDER BY failed_at""")
    List<Instant> failuresSince(@Bind("key") String loginKey, @Bind("since") Instant since);

    @SqlUpdate("DELETE FROM planner.sign_in_failure WHERE login_key = :key")
    void clearFailures(@Bind("key") String loginKey);

    @SqlUpdate("DELETE FROM planner.sign_in_failure WHERE failed_at < :before")
    int forgetFailures(@Bind("before") Instant before);
}
