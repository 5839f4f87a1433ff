package dev.wellplan.notifier.preferences.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.contract.EmailAddresses;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.support.TransactionHandles;

/**
 * Reads and changes what a client wants in their inbox. The dispatcher asks {@link #allowsAll} for
 * each small group of reminders just before sending it, so a change applies from the next group on
 * (within a fraction of a second), whatever was scheduled before it.
 *
 * <p>Two records answer: the client's preferences, keyed by the client id of one plan, and the suppression list,
 * keyed by the address, which an unsubscribe or "all e-mail off" writes for every address the client's plans
 * are sent to. The list is what makes an unsubscribe hold when the same person enrolls again under a new client
 * id. Addresses are compared normalized ({@link EmailAddresses#normalize}) and never logged.
 */
@ApplicationScoped
public class EmailPreferences {

    private static final Logger LOG = Logger.getLogger(EmailPreferences.class);

    private final PreferenceDao dao;
    private final Clock clock;

    public EmailPreferences(TransactionHandles handles, Clock clock) {
        this.dao = handles.onDemand(PreferenceDao.class);
        this.clock = clock;
    }

    /**
     * Whose preferences govern mail about this plan: the client id of the snapshot (a plan from
     * before client ids were sent falls back to its own id, so its links still work).
     */
    public static UUID recipientOf(PlanSnapshot plan) {
        return plan.client() != null && plan.client().id() != null ? plan.client().id() : plan.planId();
    }

    /** The client's preferences; e-mail shows as off while an address of theirs is suppressed. */
    public EmailPreference find(UUID clientId) {
        EmailPreference preference = dao.find(clientId).orElseGet(() -> EmailPreference.everything(clientId));
        if (preference.allOff() || dao.suppressed(addressesOf(clientId)).isEmpty()) {
            return preference;
        }
        return new EmailPreference(clientId, true, preference.mutedKinds(), preference.updatedAt());
    }

    /**
     * Whether this client wants this reminder. The see-a-doctor notice (SAFE-1) is a safety
     * message, not a routine reminder: it goes out even to a client who unsubscribed.
     */
    public boolean allows(UUID clientId, ReminderKind kind) {
        return allows(find(clientId), kind);
    }

    /**
     * Whether the client of each plan wants each kind of reminder, for several plans at once: their preferences
     * read in one statement, their suppressed addresses in another. The dispatcher asks this for each small group
     * of reminders (a few dozen) just before sending them.
     */
    public BiPredicate<PlanSnapshot, ReminderKind> allowsAll(Collection<PlanSnapshot> plans) {
        Map<UUID, EmailPreference> found = new HashMap<>();
        Set<String> suppressed = Set.of();
        if (!plans.isEmpty()) {
            dao.findAll(plans.stream().map(EmailPreferences::recipientOf).distinct().toArray(UUID[]::new))
                    .forEach(p -> found.put(p.clientId(), p));
            suppressed = dao.suppressed(plans.stream().map(EmailPreferences::addressOf).distinct()
                    .toArray(String[]::new));
        }
        Set<String> off = suppressed;
        return (plan, kind) -> kind == ReminderKind.AWAITING_CLEARANCE || !off.contains(addressOf(plan))
                && allows(found.getOrDefault(recipientOf(plan), EmailPreference.everything(recipientOf(plan))), kind);
    }

    private static boolean allows(EmailPreference preference, ReminderKind kind) {
        return kind == ReminderKind.AWAITING_CLEARANCE || preference.allows(kind);
    }

    /** RFC 8058 one-click: no more e-mail for this client, nor for their addresses under any plan. Idempotent. */
    @Transactional
    public void unsubscribe(UUID clientId) {
        Instant now = clock.instant();
        dao.unsubscribe(clientId, now);
        int addresses = dao.suppress(addressesOf(clientId), "unsubscribe", now);
        LOG.infof("client %s unsubscribed from all e-mail; %d address(es) newly suppressed for every plan", clientId,
                addresses);
    }

    /**
     * The preferences page: e-mail on or off, and which routine reminders are muted. Off suppresses the client's
     * addresses for every plan, as an unsubscribe does; on lifts that, since it comes from a link sent to them.
     */
    @Transactional
    public EmailPreference save(UUID clientId, boolean enabled, Set<ReminderKind> muted) {
        Instant now = clock.instant();
        String[] kinds = EmailPreference.MUTABLE.stream().filter(muted::contains).map(Enum::name).toArray(String[]::new);
        dao.save(clientId, !enabled, kinds, now);
        if (enabled) {
            dao.lift(addressesOf(clientId));
        } else {
            dao.suppress(addressesOf(clientId), "preferences-page", now);
        }
        LOG.infof("client %s changed e-mail preferences: e-mail %s, %d kinds muted", clientId,
                enabled ? "on" : "off", kinds.length);
        return find(clientId);
    }

    /** The normalized addresses of the client's applied plans. */
    private String[] addressesOf(UUID clientId) {
        return dao.addressesOf(clientId).stream().map(EmailAddresses::normalize).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
    }

    private static String addressOf(PlanSnapshot plan) {
        return EmailAddresses.normalize(plan.client().email());
    }
}
