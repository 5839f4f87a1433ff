package dev.wellplan.system;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.stack.LocalStack;

/** {@link Stacks} and the services' APIs for the tests of sub-packages (the browser tests). */
public final class StacksAccess {

    private StacksAccess() {
    }

    public static LocalStack.Builder onFreePorts(String name) throws IOException {
        return Stacks.onFreePorts(name);
    }

    /**
     * The notifier's {@code GET /api/plans/{id}/reminders} as the local stack's admin reads it ({@link NotifierApi},
     * one token for every call), or null while the notifier does not know the plan.
     */
    public static Function<UUID, JsonNode> notifierReminders(LocalStack stack) {
        return new Pipeline(stack)::reminders;
    }

    /** {@code GET /api/plans/{id}} on the planner, signed in as {@code user}: the plan at its current version. */
    public static JsonNode plan(LocalStack stack, UUID planId, String user, String password) {
        Http.Reply plan = Http.get(stack.plannerUrl() + "/api/plans/" + planId, user, password);
        if (plan.status() != 200) {
            throw new AssertionError("plan " + planId + ": " + plan.status() + " " + plan.body());
        }
        return plan.json();
    }
}
