package dev.wellplan.planner.access.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** Signs a coach or admin out of the pages: their session cookie is removed (a POST, with the form's CSRF token). */
@Path("/sign-out")
public class SignOutPage {

    private final SecurityIdentity identity;

    public SignOutPage(SecurityIdentity identity) {
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(value = {Caller.COACH, Caller.ADMIN}, audited = false)
    public Response signOut() {
        FormAuthenticationMechanism.logout(identity);
        return PageAnswers.seeOther(PageAnswers.SIGN_IN + "?signed-out=true");
    }
}
