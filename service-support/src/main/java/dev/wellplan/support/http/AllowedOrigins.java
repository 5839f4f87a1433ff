package dev.wellplan.support.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The origins ({@code scheme://host[:port]}, RFC 6454) whose pages may send a service state-changing requests,
 * compared the way browsers write the {@code Origin} header: lower-case scheme and host, the default port left out.
 */
public final class AllowedOrigins {

    private final Set<String> origins;

    private AllowedOrigins(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /**
     * @param baseUrls the service's public base URLs ({@code wellplan.http.allowed-origins})
     * @throws IllegalStateException naming the key and the value when one is not an absolute http(s) URL
     */
    public static AllowedOrigins of(List<String> baseUrls) {
        Set<String> origins = new LinkedHashSet<>();
        for (String url : baseUrls) {
            origins.add(origin(url.strip()).orElseThrow(() -> new IllegalStateException(
                    "wellplan.http.allowed-origins: '" + url + "' is not this service's public base URL, such as "
                            + "https://plans.example.org (http or https, a host, an optional port)")));
        }
        if (origins.isEmpty()) {
            throw new IllegalStateException("wellplan.http.allowed-origins is empty: set it to this service's public "
                    + "base URL, such as https://plans.example.org");
        }
        return new AllowedOrigins(origins);
    }

    /** Whether a request's {@code Origin} header names one of these; {@code null} (the literal) never does. */
    public boolean allows(String originHeader) {
        return origin(originHeader).filter(origins::contains).isPresent();
    }

    /** {@code scheme://host[:port]} of an http(s) URL, as a browser writes it; empty for anything else. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80
                    || scheme.equals("https") && port == 443;
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.join(",", origins);
    }
}
