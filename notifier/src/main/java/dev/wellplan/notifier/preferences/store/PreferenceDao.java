package dev.wellplan.notifier.preferences.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the clients' e-mail preferences and of the addresses that asked for no more e-mail. */
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

    // ---- the suppression list: addresses that asked for no more e-mail, whatever the plan ----------------

    /**
     * The addresses the applied plans of a client are sent to, as the snapshots hold them (not normalized). A plan
     * from before client ids were sent is its own recipient, so its id is matched too.
     */
    @SqlQuery("""
            SELECT DISTINCT snapshot -> 'plan' -> 'client' ->> 'email' FROM notifier.plan_state
            WHERE client_id = :recipient OR plan_id = :recipient""")
    List<String> addressesOf(@Bind("recipient") UUID recipient);

    /** {@code addresses} are normalized; an address suppressed before keeps its first record. */
    @SqlUpdate("""
            INSERT INTO notifier.email_suppression (address, changed_by, suppressed_at)
            SELECT a, :changedBy, :now FROM unnest(CAST(:addresses AS text[])) AS a
            ON CONFLICT (address) DO NOTHING""")
    int suppress(@Bind("addresses") String[] addresses, @Bind("changedBy") String changedBy, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM notifier.email_suppression WHERE address = ANY(CAST(:addresses AS text[]))")
    int lift(@Bind("addresses") String[] addresses);

    /** Which of these normalized addresses are suppressed. */
    @SqlQuery("SELECT address FROM notifier.email_suppression WHERE address = ANY(CAST(:addresses AS text[]))")
    Set<String> suppressed(@Bind("addresses") String[] addresses);
}
