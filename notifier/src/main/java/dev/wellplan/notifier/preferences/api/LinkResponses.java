package dev.wellplan.notifier.preferences.api;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.wellplan.calendar.SignedLinks;
import dev.wellplan.support.problem.Problem;
import dev.wellplan.support.problem.ProblemMappers;
import dev.wellplan.support.web.HtmlPages;
import io.quarkus.qute.TemplateInstance;

/**
 * Answers of the link pages. A browser (it asks for HTML) gets a page; anything else, such as a
 * mail provider's one-click POST, gets an RFC 9457 problem. Pages are never cached and never pass
 * their URL, which holds the token, on as a Referer.
 */
final class LinkResponses {

    private LinkResponses() {
    }

    /**
     * The headers every page of both services sends ({@link HtmlPages}): their one stylesheet (the shared
     * {@code static/wellplan.css}) and nothing else, no script at all, forms posted back here only, never framed (so
     * no other site can trick a click on "Unsubscribe").
     */
    static Response page(int status, TemplateInstance page) {
        return HtmlPages.page(status, page.render());
    }

    /** Why a link did not work: no token (400), or one that is forged, garbled, foreign or expired (403). */
    static Response rejected(String token, SignedLinks.Check check, HttpHeaders headers) {
        if (token == null || token.isBlank()) {
            return problem(400, "Missing token", "this link has no token: use the link from your e-mail as it is",
                    "token", headers);
        }
        if (check.verdict() == SignedLinks.Verdict.EXPIRED) {
            return problem(403, "Link expired",
                    "this link has expired: use the link in a more recent e-mail from wellplan", null, headers);
        }
        return problem(403, "Invalid link", "this link is not valid: use the link from your e-mail as it is", null,
                headers);
    }

    /** {@code field}, when set, names the offending form or query field. */
    static Response problem(int status, String title, String detail, String field, HttpHeaders headers) {
        if (wantsHtml(headers)) {
            return page(status, Pages.linkProblem(status, title,
                    Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + "."));
        }
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(new Problem.FieldError(field, detail));
        return Response.fromResponse(ProblemMappers.respond(new Problem("about:blank", title, status, detail, null, errors)))
                .header("Cache-Control", "no-store").build();
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> !t.isWildcardType() && t.isCompatible(MediaType.TEXT_HTML_TYPE));
    }
}
