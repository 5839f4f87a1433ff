package dev.wellplan.notifier.preferences.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the clients' e-mail preferences. */
@RegisterConstructorMapper(EmailPreference.class)
public interface PreferenceDao {

    @SqlQuery("""
            SELECT client_id, all_off, muted_kinds, updated_at FROM notifier.email_preference
            WHERE client_id = :clientId""")
    Optional<EmailPreference> find(@Bind("clientId") UUID clientId);

    @SqlQuery("""
            SELECT client_id, all_off, muted_kinds, updated_at FROM notifier.email_preference
            WHERE client_id = ANY(:clientIds)""")
    List<EmailPreference> findAll(@Bind("clientIds") UUID[] clientIds);

    /** Everything off, the muted kinds kept for the day the client switches e-mail back on. */
    @SqlUpdate("""
            INSERT INTO notifier.email_preference (client_id, all_off, changed_by, updated_at)
            VALUES (:clientId, true, 'unsubscribe', :now)
            ON CONFLICT (client_id) DO UPDATE SET all_off = true, changed_by = 'unsubscribe', updated_at = :now""")
    void unsubscribe(@Bind("clientId") UUID clientId, @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO notifier.email_preference (client_id, all_off, muted_kinds, changed_by, updated_at)
            VALUES (:clientId, :allOff, CAST(:mutedKinds AS text[]), 'preferences-page', :now)
            ON CONFLICT (client_id) DO UPDATE SET all_off = EXCLUDED.all_off, muted_kinds = EXCLUDED.muted_kinds,
                   changed_by = EXCLUDED.changed_by, updated_at = EXCLUDED.updated_at""")
    void save(@Bind("clientId") UUID clientId, @Bind("allOff") boolean allOff,
              @Bind("mutedKinds") String[] mutedKinds, @Bind("now") Instant now);
}
