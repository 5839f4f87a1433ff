package dev.wellplan.support.web;

import jakarta.ws.rs.core.Response;

/**
 * How every HTML page of both services leaves: no script but the service's own, no framing, no referrer (page URLs
 * hold link tokens), never cached, and forms that post only back to the service itself.
 */
public final class HtmlPages {

    public static final String MEDIA_TYPE = "text/html;charset=UTF-8";
    /** The one stylesheet is the service's own; there is no script on the pages that need no JavaScript. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /**
     * The pages that use htmx (partial updates): its script from the service's own jar, and the requests it makes
     * back to the service; still no inline script or style, so htmx runs with its indicator styles and eval off.
     */
    public static final String SCRIPTED_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private HtmlPages() {
    }

    public static Response page(int status, String html) {
        return page(status, html, CONTENT_SECURITY_POLICY);
    }

    /** A page that loads htmx. */
    public static Response scripted(int status, String html) {
        return page(status, html, SCRIPTED_CONTENT_SECURITY_POLICY);
    }

    /** The headers of a page, on an answer that is not one (a redirect after a form's POST). */
    public static Response.ResponseBuilder headers(Response.ResponseBuilder answer) {
        return headers(answer, CONTENT_SECURITY_POLICY);
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder answer, String policy) {
        return answer.header("Content-Security-Policy", policy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store");
    }

    private static Response page(int status, String html, String policy) {
        return headers(Response.status(status).type(MEDIA_TYPE).entity(html), policy).build();
    }
}
