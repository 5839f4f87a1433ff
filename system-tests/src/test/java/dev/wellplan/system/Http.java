package dev.wellplan.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for driving the running services as a user would. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Http() {
    }

    static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET with {@code Authorization: Bearer <token>}. */
    static Reply get(String url, String bearerToken) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearerToken).GET());
    }

    static Reply postJson(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form's POST, as a browser or a mail provider's one-click unsubscribe sends it. */
    static Reply postForm(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static final java.util.regex.Pattern HIDDEN_INPUT = java.util.regex.Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    /**
     * Submits the first form of {@code page} as a browser would: its hidden fields (the CSRF token among them) as
     * the body, and the cookies the page set.
     */
    static Reply submit(Reply page, String action) {
        java.util.regex.Matcher hidden = HIDDEN_INPUT.matcher(page.body());
        java.util.StringJoiner form = new java.util.StringJoiner("&");
        while (hidden.find()) {
            form.add(encode(hidden.group(1)) + "=" + encode(hidden.group(2).replace("&amp;", "&")));
        }
        java.util.StringJoiner cookies = new java.util.StringJoiner("; ");
        page.raw().headers().allValues("Set-Cookie").forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
        return send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies.toString()).POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Reply postJson(String url, String body, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", basic(user, password)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON POST, signed in, on the version {@code ifMatch} (an ETag, quotes included): an adjustment, say. */
    static Reply postJson(String url, String body, String user, String password, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", basic(user, password)).header("If-Match", ifMatch)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Reply get(String url, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user, password)).GET());
    }

    /** A POST without a body, signed in (a claim, say). */
    static Reply post(String url, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
