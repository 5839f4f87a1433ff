package dev.wellplan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.wellplan.stack.LocalStack;

/**
 * The notifier's API as the local stack's admin reads it: signed in once on the planner ({@code admin}/
 * {@code admin-local}, {@code POST /api/auth/token}), then with that token, fetched again well before it expires
 * (the drills and the fast clock outlast one).
 */
final class NotifierApi {

    private static final Duration REFRESH = Duration.ofMinutes(5);

    private final LocalStack stack;
    private String token;
    private long fetchedAt;

    NotifierApi(LocalStack stack) {
        this.stack = stack;
    }

    /** {@code GET /api/plans/{id}/reminders}. */
    Http.Reply reminders(Object planId) {
        return Http.get(stack.notifierUrl() + "/api/plans/" + planId + "/reminders", token());
    }

    private synchronized String token() {
        if (token == null || System.nanoTime() - fetchedAt > REFRESH.toNanos()) {
            Http.Reply issued = Http.postJson(stack.plannerUrl() + "/api/auth/token", "", "admin", "admin-local");
            assertThat(issued.status()).as("a token for the notifier: %s", issued.body()).isEqualTo(200);
            token = issued.json().get("token").asText();
            fetchedAt = System.nanoTime();
        }
        return token;
    }
}
