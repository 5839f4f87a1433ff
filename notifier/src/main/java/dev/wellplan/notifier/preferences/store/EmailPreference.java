package dev.wellplan.notifier.preferences.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.wellplan.reminders.ReminderKind;

/**
 * What a client wants in their inbox. {@code allOff} stops every e-mail; {@code mutedKinds} stops
 * the routine reminders of those kinds. Plan-wide mails (welcome, see a doctor first, plan changed,
 * plan cancelled) are not mutable one by one: they follow the master switch only.
 */
public record EmailPreference(UUID clientId, boolean allOff, String[] mutedKinds, Instant updatedAt) {

    /** The reminders a client may switch off one by one, in the order the preferences page lists them. */
    public static final List<ReminderKind> MUTABLE = List.of(ReminderKind.MASSAGE_DAY_BEFORE, ReminderKind.AFTERCARE,
            ReminderKind.CHECK_IN, ReminderKind.STRENGTH_DAY, ReminderKind.SELF_MASSAGE, ReminderKind.END_OF_PLAN);

    public EmailPreference {
        mutedKinds = mutedKinds == null ? new String[0] : mutedKinds.clone();
    }

    /** A client who never changed anything: every e-mail on. */
    public static EmailPreference everything(UUID clientId) {
        return new EmailPreference(clientId, false, new String[0], null);
    }

    public Set<ReminderKind> muted() {
        Set<ReminderKind> muted = EnumSet.noneOf(ReminderKind.class);
        Arrays.stream(mutedKinds).filter(k -> MUTABLE.stream().anyMatch(m -> m.name().equals(k)))
                .map(ReminderKind::valueOf).forEach(muted::add);
        return muted;
    }

    public boolean allows(ReminderKind kind) {
        return !allOff && !muted().contains(kind);
    }
}
