package dev.wellplan.planner.web;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The pages as a browser reaches them: a coach signed in with the form (the session cookie), and the CSRF cookie
 * with its token in each form. Redirects are not followed, so a test sees where a page sends the browser.
 */
public final class Browser {

    public static final String SESSION = "wellplan-session";
    public static final String CSRF = "wellplan-csrf";
    public static final String CSRF_FIELD = "csrf-token";

    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();
    private static volatile String csrf;

    private Browser() {
    }

    /** Anonymous, with a CSRF cookie (its value is also the form's token). */
    public static RequestSpecification anonymous() {
        return given().redirects().follow(false).cookie(CSRF, csrfToken());
    }

    /** Signed in through {@code /j_security_check}, once per login; the session cookie is reused. */
    public static RequestSpecification signedIn(String login, String password) {
        String session = SESSIONS.computeIfAbsent(login, l -> signIn(l, password));
        return anonymous().cookie(SESSION, session);
    }

    /** A form post: the token of the CSRF cookie in the form. */
    public static RequestSpecification form(RequestSpecification caller) {
        return caller.contentType(ContentType.URLENC).formParam(CSRF_FIELD, csrfToken());
    }

    public static String signIn(String login, String password) {
        var answer = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", login).formParam("j_password", password).post("/j_security_check");
        String session = answer.getCookie(SESSION);
        if (session == null) {
            throw new AssertionError("sign-in of " + login + " failed: " + answer.statusCode() + " "
                    + answer.header("Location"));
        }
        return session;
    }

    /** A CSRF token, as the filter sets it with the first page that has a form. */
    public static String csrfToken() {
        if (csrf == null) {
            csrf = given().get("/sign-in").getCookie(CSRF);
        }
        return csrf;
    }
}
