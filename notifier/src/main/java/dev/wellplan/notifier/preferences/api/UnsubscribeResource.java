package dev.wellplan.notifier.preferences.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
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
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;

/**
 * One-click unsubscribe (RFC 8058). Every e-mail's {@code List-Unsubscribe} header points here with
 * a signed token: a mail provider POSTs {@code List-Unsubscribe=One-Click} to it, and a person who
 * opens the link gets a page whose button does the same POST. A GET never unsubscribes, because
 * mail scanners and link previews follow links.
 *
 * <p>Its access rule is {@code ANYONE}: the link's token names a client, not a plan, so this resource checks it
 * rather than the access filter; no coach or admin reads a client's preferences here, so nothing is audited.
 */
@Path("/unsubscribe")
public class UnsubscribeResource {

    private final ClientLinks links;
    private final EmailPreferences preferences;
    private final Clock clock;

    public UnsubscribeResource(ClientLinks links, EmailPreferences preferences, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The confirmation page: a button that POSTs the one-click form. */
    @GET
    @Access(value = Caller.ANYONE, audited = false)
    public Response confirm(@QueryParam("token") String token, @Context HttpHeaders headers) {
        Instant now = clock.instant();
        SignedLinks.Check check = links.check(ClientLinks.UNSUBSCRIBE, token, now);
        Optional<UUID> client = links.client(check);
        if (client.isEmpty()) {
            return LinkResponses.rejected(token, check, headers);
        }
        return LinkResponses.page(200, Pages.unsubscribe(token, links.preferencesToken(client.get(), now)));
    }

    /** RFC 8058 one-click: the body is {@code List-Unsubscribe=One-Click}; the token says who. Idempotent. */
    @POST
    @Access(value = Caller.ANYONE, audited = false)
    @Consumes(MediaType.WILDCARD)
    public Response unsubscribe(@QueryParam("token") String token, @Context HttpHeaders headers) {
        Instant now = clock.instant();
        SignedLinks.Check check = links.check(ClientLinks.UNSUBSCRIBE, token, now);
        Optional<UUID> client = links.client(check);
        if (client.isEmpty()) {
            return LinkResponses.rejected(token, check, headers);
        }
        preferences.unsubscribe(client.get());
        return LinkResponses.page(200, Pages.unsubscribed(links.preferencesToken(client.get(), now)));
    }
}
