package dev.wellplan.planner.access.web;

import java.net.URI;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.problem.ProblemException;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * How a page says no: the same refusals the API answers with problems (docs/access.md), here as a page in words,
 * with the same status; and the redirect after a form's POST (303, so a reload does not post twice).
 */
public final class PageAnswers {

    /** Where a signed-out coach is sent. */
    public static final String SIGN_IN = "/sign-in";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(int status, String title, String detail);
    }

    private PageAnswers() {
    }

    /** Whether the route is a page: its resource class sits in a {@code web} package (the pages' rule table). */
    public static boolean isPage(ResourceInfo resource) {
        return resource.getResourceClass() != null && resource.getResourceClass().getPackageName().endsWith(".web");
    }

    public static Response refused(int status, String title, String detail) {
        return HtmlPages.page(status, Templates.refused(status, title, detail).render());
    }

    /** A use case's refusal, in words. */
    public static Response of(Refusal refusal) {
        if (refusal instanceof Refusal.NotFound) {
            return notFound();
        }
        if (refusal instanceof Refusal.Conflict) {
            return refused(409, "This cannot be done now", sentence(refusal.getMessage()));
        }
        if (refusal instanceof Refusal.TooMany) {
            return refused(429, "Please wait a little", sentence(refusal.getMessage()));
        }
        if (refusal instanceof Refusal.Stale) {
            return refused(412, "The plan changed meanwhile", "Someone changed this plan after you opened it. Open it "
                    + "again to see the change, then make yours.");
        }
        if (refusal instanceof Refusal.RulesRefused) {
            return refused(422, "The plan rules refuse this change", sentence(refusal.getMessage()));
        }
        return refused(400, "Something in the form is not right", sentence(refusal.getMessage()));
    }

    /** An access refusal of the filter (403, 404), in words. */
    public static Response of(ProblemException refusal) {
        return switch (refusal.status()) {
            case 404 -> notFound();
            case 403 -> refused(403, "You may not open this page", sentence(refusal.getMessage()));
            default -> refused(refusal.status(), refusal.title(), sentence(refusal.getMessage()));
        };
    }

    /** A client page opened without its link: there is nobody to sign in. */
    public static Response linkNeeded() {
        return refused(401, "This page opens from your e-mail",
                "Open the link in your latest e-mail from wellplan; it signs you in to your plan.");
    }

    /** Not there, or not the caller's: the same words for both, as the API's 404. */
    public static Response notFound() {
        return refused(404, "We cannot find this plan",
                "There is no plan here, or it is not one you can see. Check the address, or go back to your list.");
    }

    /** A signed-out coach is sent to sign in. */
    public static Response signIn() {
        return seeOther(SIGN_IN);
    }

    /** After a form's POST: the page to show next. */
    public static Response seeOther(String location) {
        return HtmlPages.headers(Response.seeOther(URI.create(location))).build();
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
