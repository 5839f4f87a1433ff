package dev.wellplan.planner.alert.app;

import java.util.UUID;

import dev.wellplan.planner.refusal.Refusal;

/** The ids of the things a plan's routes name after the plan (an alert, a proposal): a malformed one names nothing. */
public final class Ids {

    private Ids() {
    }

    /** @throws Refusal.NotFound for an id that is not one, as for one that does not exist */
    public static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal.NotFound(what + " " + id);
        }
    }
}
