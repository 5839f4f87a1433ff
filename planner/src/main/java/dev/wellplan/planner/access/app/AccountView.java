package dev.wellplan.planner.access.app;

import java.time.Instant;
import java.util.UUID;

import dev.wellplan.planner.access.store.AccountRow;

/** An account as an admin sees it: never its password hash. */
public record AccountView(UUID id, String login, String email, String name, String role, boolean disabled,
                          Instant createdAt, Instant lastSignInAt) {

    static AccountView of(AccountRow row) {
        return new AccountView(row.id(), row.login(), row.email(), row.name(), row.role(), row.disabled(),
                row.createdAt(), row.lastSignInAt());
    }
}
