package dev.wellplan.notifier.preferences.api;

import java.util.List;
import java.util.Map;

import dev.wellplan.notifier.preferences.store.EmailPreference;
import dev.wellplan.reminders.ReminderKind;

/**
 * The preferences page: the master switch and one switch per routine reminder.
 *
 * @param token   the signed preferences token, posted back with the form
 * @param enabled e-mail on at all
 * @param saved   the page answers a save
 */
public record PreferencesForm(String token, boolean enabled, List<Choice> kinds, boolean saved) {

    /** One reminder kind the client may switch off. */
    public record Choice(String name, String label, boolean on) {
    }

    static final Map<ReminderKind, String> LABELS = Map.of(
            ReminderKind.MASSAGE_DAY_BEFORE, "The day before each massage session",
            ReminderKind.AFTERCARE, "About an hour after each session: drink water and move",
            ReminderKind.CHECK_IN, "Check-ins 24 and 48 hours after a session",
            ReminderKind.STRENGTH_DAY, "Strength workouts",
            ReminderKind.SELF_MASSAGE, "Self-massage evenings",
            ReminderKind.END_OF_PLAN, "End-of-plan summary and follow-up offer");

    static PreferencesForm of(String token, EmailPreference preference, boolean saved) {
        List<Choice> choices = EmailPreference.MUTABLE.stream()
                .map(k -> new Choice(k.name(), LABELS.get(k), !preference.muted().contains(k))).toList();
        return new PreferencesForm(token, !preference.allOff(), choices, saved);
    }
}
