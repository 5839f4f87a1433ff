package dev.wellplan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The routes both services serve on their management interface and never on the public port, and a plain HTTP
 * look at them, so each service's test holds it to the same list.
 */
public final class ManagementRoutes {

    public static final List<String> ROUTES = List.of("/q/metrics", "/q/openapi", "/q/health", "/q/health/ready",
            "/q/health/live");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementRoutes() {
    }

    /** {@code http://host:port} of a URL Quarkus' tests inject (the management one ends in its root path, /q/). */
    public static String origin(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }

    /**
     * Each of {@link #ROUTES} that is where it should not be: answered on the public port (anything but 404), or not
     * answered 200 on the management port. Empty when both ports are right.
     */
    public static List<String> misplaced(String publicOrigin, String managementOrigin) {
        List<String> misplaced = new ArrayList<>();
        for (String route : ROUTES) {
            int onPublic = get(publicOrigin + route).statusCode();
            int onManagement = get(managementOrigin + route).statusCode();
            if (onPublic != 404) {
                misplaced.add(route + " answers " + onPublic + " on the public port " + publicOrigin);
            }
            if (onManagement != 200) {
                misplaced.add(route + " answers " + onManagement + " on the management port " + managementOrigin);
            }
        }
        return misplaced;
    }

    /** The body of {@code GET url}. */
    public static String body(String url) {
        return get(url).body();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
