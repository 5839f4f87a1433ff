package dev.wellplan.system.browser;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The local stack's mail sink, as the client's inbox: {@code GET <mail>/api/messages?raw=true&to=}. */
final class Mailbox {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mailUrl;
    private final String address;

    Mailbox(String mailUrl, String address) {
        this.mailUrl = mailUrl;
        this.address = address;
    }

    /** The first link in the e-mail with this subject (waiting for it) whose path matches {@code path}. */
    String link(String subject, String path) {
        JsonNode mail = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(subject), m -> m != null);
        // the raw message is quoted-printable: soft line breaks and escaped '=' undone
        String raw = mail.get("raw").asText().replace("=\r\n", "").replace("=3D", "=");
        Matcher link = Pattern.compile("https?://[^\\s\"<>]+" + path + "\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").matcher(raw);
        if (!link.find()) {
            throw new AssertionError("no link to " + path + " in \"" + subject + "\"");
        }
        return link.group();
    }

    List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        messages().forEach(m -> subjects.add(m.get("subject").asText()));
        return subjects;
    }

    private JsonNode find(String subject) {
        for (JsonNode m : messages()) {
            if (m.get("subject").asText().contains(subject)) {
                return m;
            }
        }
        return null;
    }

    private JsonNode messages() {
        try {
            // one client's inbox holds a few dozen e-mails: one page of the API's largest
            String url = mailUrl + "/api/messages?raw=true&limit=1000&to="
                    + URLEncoder.encode(address, StandardCharsets.UTF_8);
            return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
