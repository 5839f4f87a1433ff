package dev.wellplan.ops.check;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.wellplan.ops.check.Divergence.Kind;

/** The divergences one run has found so far, in the order the rules found them. */
final class Findings {

    private final List<Divergence> found = new ArrayList<>();

    void add(Kind kind, UUID planId, String reminderId, String detail) {
        found.add(new Divergence(kind, planId, reminderId, detail));
    }

    List<Divergence> all() {
        return List.copyOf(found);
    }
}
