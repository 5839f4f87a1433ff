package dev.wellplan.planner.access.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.support.access.Access;
import dev.wellplan.support.access.Caller;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Coaches and admins sign in with a form that posts to Quarkus' form sign-in ({@code /j_security_check}), checked by
 * the same {@code AccountIdentityProvider} as HTTP Basic, with the same throttle; the session is an encrypted cookie
 * (application.properties, "Who may do what"). Signing out ({@link SignOutPage}) forgets it.
 */
@Path("/sign-in")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(boolean failed, boolean signedOut);
    }

    /**
     * The form. {@code failed}: Quarkus sends a refused sign-in back here (a wrong password, an unknown or disabled
     * login, or too many tries: one answer for all, so it tells no one which logins exist).
     */
    @GET
    @Access(value = Caller.ANYONE, audited = false)
    public Response signIn(@QueryParam("failed") boolean failed, @QueryParam("signed-out") boolean signedOut) {
        return HtmlPages.page(failed ? 401 : 200, Templates.signIn(failed, signedOut).render());
    }
}
