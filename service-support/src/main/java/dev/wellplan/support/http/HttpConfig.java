package dev.wellplan.support.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.quarkus.runtime.Startup;
import io.smallrye.config.ConfigMapping;

/** What a service's public HTTP port accepts from browsers, under {@code wellplan.http}. */
@ConfigMapping(prefix = "wellplan.http")
public interface HttpConfig {

    /**
     * The service's own public base URL(s), as clients' browsers reach it ({@code https://plans.example.org}; a path
     * is ignored, only scheme, host and port count). A request that changes state through a JSON route is refused
     * (403) when its {@code Origin} is anything else, so no other site can make a signed-in coach's browser send it;
     * a request without {@code Origin} (an API client, a script) is let through. Comma-separated; no default in the
     * mapping: each service's {@code application.properties} sets it, production to its public URL.
     */
    List<String> allowedOrigins();

    @ApplicationScoped
    class Producer {

        /** Parsed at startup: a value that is not an http(s) URL stops the service with a message naming the key. */
        @Produces
        @Startup
        @ApplicationScoped
        AllowedOrigins allowedOrigins(HttpConfig config) {
            return AllowedOrigins.of(config.allowedOrigins());
        }
    }
}
