package dev.wellplan.planner.access.web;

import dev.wellplan.support.access.Callers;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is signed in on a coach page: the bar shows the login, and admins get the admin's links and forms. */
@TemplateData
public record Viewer(String login, String id, boolean admin) {

    public static Viewer of(SecurityIdentity identity) {
        return new Viewer(identity.getPrincipal().getName(), Callers.id(identity), identity.hasRole(Callers.ADMIN));
    }
}
