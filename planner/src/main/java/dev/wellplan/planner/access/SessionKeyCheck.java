package dev.wellplan.planner.access;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The coaches' page sessions are cookies encrypted with {@code quarkus.http.auth.session.encryption-key}. Without
 * one, Quarkus draws a random key at start: every restart would sign everyone out, and a second planner instance
 * could not read the first one's cookies. Outside the local and test profiles the planner refuses to start instead.
 */
@ApplicationScoped
public class SessionKeyCheck {

    /** Quarkus hashes the key with SHA-256 for AES-256; it asks for at least 16 characters. */
    static final int MIN_LENGTH = 16;

    void atStartup(@Observes StartupEvent started,
                   @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        check(key, ConfigUtils.isProfileActive("local") || ConfigUtils.isProfileActive("test"));
    }

    /** @throws IllegalStateException when the key is missing or short where it is required */
    static void check(Optional<String> key, boolean localOrTest) {
        if (localOrTest) {
            return;
        }
        if (key.filter(k -> k.strip().length() >= MIN_LENGTH).isEmpty()) {
            throw new IllegalStateException("quarkus.http.auth.session.encryption-key (env "
                    + "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY) is not set or shorter than " + MIN_LENGTH
                    + " characters: set it to a random secret, the same on every planner instance (e.g. `openssl rand "
                    + "-base64 32`). It encrypts the coaches' sign-in cookies of the pages.");
        }
    }
}
