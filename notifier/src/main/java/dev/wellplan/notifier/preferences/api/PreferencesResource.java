package dev.wellplan.notifier.preferences.api;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.notifier.links.ClientLinks;
import dev.wellplan.notifier.preferences.store.EmailPreference;
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;

/**
 * The preferences page of every e-mail: e-mail on or off, and which routine reminders to get. Open to
 * {@code ANYONE} at the access filter, like the unsubscribe page: its signed token names a client, and is checked
 * here.
 */
@Path("/preferences")
public class PreferencesResource {

    private final ClientLinks links;
    private final EmailPreferences preferences;
    private final Clock clock;

    public PreferencesResource(ClientLinks links, EmailPreferences preferences, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.clock = clock;
    }

    @GET
    @Access(value = Caller.ANYONE, audited = false)
    public Response page(@QueryParam("token") String token, @Context HttpHeaders headers) {
        SignedLinks.Check check = links.check(ClientLinks.PREFERENCES, token, clock.instant());
        Optional<UUID> client = links.client(check);
        if (client.isEmpty()) {
            return LinkResponses.rejected(token, check, headers);
        }
        return LinkResponses.page(200, Pages.preferences(PreferencesForm.of(token, preferences.find(client.get()), false)));
    }

    /**
     * Saves the form: {@code enabled} present means e-mail on; each {@code kind} present is a reminder
     * kind the client wants, so a kind missing from the form is muted.
     */
    @POST
    @Access(value = Caller.ANYONE, audited = false)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("token") String token, @FormParam("enabled") String enabled,
                         @FormParam("kind") List<String> kinds, @Context HttpHeaders headers) {
        Instant now = clock.instant();
        SignedLinks.Check check = links.check(ClientLinks.PREFERENCES, token, now);
        Optional<UUID> client = links.client(check);
        if (client.isEmpty()) {
            return LinkResponses.rejected(token, check, headers);
        }
        Set<ReminderKind> wanted = EnumSet.noneOf(ReminderKind.class);
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            Optional<ReminderKind> known = EmailPreference.MUTABLE.stream().filter(k -> k.name().equals(kind)).findFirst();
            if (known.isEmpty()) {
                return LinkResponses.problem(400, "Invalid request", "not a reminder you can switch off", "kind",
                        headers);
            }
            wanted.add(known.get());
        }
        Set<ReminderKind> muted = EnumSet.copyOf(EmailPreference.MUTABLE);
        muted.removeAll(wanted);
        EmailPreference saved = preferences.save(client.get(), enabled != null && !"false".equals(enabled), muted);
        return LinkResponses.page(200, Pages.preferences(PreferencesForm.of(token, saved, true)));
    }
}
