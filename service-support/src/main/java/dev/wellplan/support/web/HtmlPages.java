package dev.wellplan.support.web;

import jakarta.ws.rs.core.Response;

/**
 * How every HTML page of both services leaves: no script from anywhere, no framing, no referrer (page URLs hold
 * link tokens), never cached, and forms that post only back to the service itself.
 */
public final class HtmlPages {

    public static final String MEDIA_TYPE = "text/html;charset=UTF-8";
    /** The one stylesheet is the service's own; there is no script on the pages that need no JavaScript. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private HtmlPages() {
    }

    public static Response page(int status, String html) {
        return Response.status(status).type(MEDIA_TYPE).entity(html)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").build();
    }
}
