package dev.wellplan.notifier.preferences.store;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.reminders.ReminderKind;

/**
 * Reads and changes what a client wants in their inbox. The dispatcher asks {@link #allowsAll} for
 * each small group of reminders just before sending it, so a change applies from the next group on
 * (within a fraction of a second), whatever was scheduled before it.
 */
@ApplicationScoped
public class EmailPreferences {

    private static final Logger LOG = Logger.getLogger(EmailPreferences.class);

    private final PreferenceDao dao;
    private final Clock clock;

    public EmailPreferences(Jdbi jdbi, Clock clock) {
        this.dao = jdbi.onDemand(PreferenceDao.class);
        this.clock = clock;
    }

    /**
     * Whose preferences govern mail about this plan: the client id of the snapshot (a plan from
     * before client ids were sent falls back to its own id, so its links still work).
     */
    public static UUID recipientOf(PlanSnapshot plan) {
        return plan.client() != null && plan.client().id() != null ? plan.client().id() : plan.planId();
    }

    public EmailPreference find(UUID clientId) {
        return dao.find(clientId).orElseGet(() -> EmailPreference.everything(clientId));
    }

    /**
     * Whether this client wants this reminder. The see-a-doctor notice (SAFE-1) is a safety
     * message, not a routine reminder: it goes out even to a client who unsubscribed.
     */
    public boolean allows(UUID clientId, ReminderKind kind) {
        return allows(find(clientId), kind);
    }

    /**
     * {@link #allows} for several clients at once, their preferences read in one statement: the
     * dispatcher asks this for each small group of reminders (a few dozen) just before sending them.
     */
    public BiPredicate<UUID, ReminderKind> allowsAll(Collection<UUID> clientIds) {
        Map<UUID, EmailPreference> found = new HashMap<>();
        if (!clientIds.isEmpty()) {
            dao.findAll(clientIds.stream().distinct().toArray(UUID[]::new)).forEach(p -> found.put(p.clientId(), p));
        }
        return (clientId, kind) -> allows(found.getOrDefault(clientId, EmailPreference.everything(clientId)), kind);
    }

    private static boolean allows(EmailPreference preference, ReminderKind kind) {
        return kind == ReminderKind.AWAITING_CLEARANCE || preference.allows(kind);
    }

    /** RFC 8058 one-click: no more e-mail for this client. Idempotent. */
    @Transactional
    public void unsubscribe(UUID clientId) {
        dao.unsubscribe(clientId, clock.instant());
        LOG.infof("client %s unsubscribed from all e-mail", clientId);
    }

    /** The preferences page: e-mail on or off, and which routine reminders are muted. */
    @Transactional
    public EmailPreference save(UUID clientId, boolean enabled, Set<ReminderKind> muted) {
        String[] kinds = EmailPreference.MUTABLE.stream().filter(muted::contains).map(Enum::name).toArray(String[]::new);
        dao.save(clientId, !enabled, kinds, clock.instant());
        LOG.infof("client %s changed e-mail preferences: e-mail %s, %d kinds muted", clientId,
                enabled ? "on" : "off", kinds.length);
        return find(clientId);
    }
}
