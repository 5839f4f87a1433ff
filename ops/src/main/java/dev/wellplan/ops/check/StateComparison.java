package dev.wellplan.ops.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.wellplan.ops.check.Divergence.Kind;
import dev.wellplan.ops.check.PipelineState.AppliedPlan;
import dev.wellplan.ops.check.PipelineState.PlannerPlan;

/** The notifier's applied plans against the planner's: same version, same status, same items (id, kind, start). */
final class StateComparison {

    private final Findings found;

    StateComparison(Findings found) {
        this.found = found;
    }

    void check(Map<UUID, PlannerPlan> plans, Map<UUID, AppliedPlan> applied) {
        for (PlannerPlan p : plans.values()) {
            AppliedPlan a = applied.get(p.id());
            if (a == null) {
                found.add(Kind.PLAN_STATE_MISSING, p.id(), null, "planner v" + p.version() + " " + p.status()
                        + ", nothing applied");
            } else {
                compare(p, a);
            }
        }
        for (AppliedPlan a : applied.values()) {
            if (!plans.containsKey(a.id())) {
                found.add(Kind.PLAN_STATE_ORPHAN, a.id(), null, "notifier v" + a.version() + " " + a.status()
                        + ", no such plan in the planner");
            }
        }
    }

    private void compare(PlannerPlan p, AppliedPlan a) {
        String versions = "planner v" + p.version() + " " + p.status() + ", notifier v" + a.version() + " "
                + a.status();
        if (a.version() < p.version()) {
            found.add(Kind.PLAN_STATE_BEHIND, p.id(), null, versions);
        } else if (a.version() > p.version()) {
            found.add(Kind.PLAN_STATE_AHEAD, p.id(), null, versions);
        } else if (!p.status().equals(a.status())) {
            found.add(Kind.PLAN_STATE_STATUS_MISMATCH, p.id(), null, "v" + p.version() + ": planner " + p.status()
                    + ", notifier " + a.status());
        } else if (!p.items().equals(a.items())) {
            found.add(Kind.SNAPSHOT_MISMATCH, p.id(), null, itemDifference(p, a));
        }
    }

    private static String itemDifference(PlannerPlan p, AppliedPlan a) {
        Set<String> onlyPlanner = new TreeSet<>(p.items().keySet());
        onlyPlanner.removeAll(a.items().keySet());
        Set<String> onlyApplied = new TreeSet<>(a.items().keySet());
        onlyApplied.removeAll(p.items().keySet());
        return "v" + p.version() + ": " + p.items().size() + " items in the planner, " + a.items().size()
                + " applied; only in the planner " + sample(onlyPlanner) + ", only applied " + sample(onlyApplied)
                + (onlyPlanner.isEmpty() && onlyApplied.isEmpty() ? " (kinds or start times differ)" : "");
    }

    private static String sample(Set<String> sortedIds) {
        List<String> ids = new ArrayList<>(sortedIds);
        return ids.size() <= 5 ? ids.toString() : ids.subList(0, 5) + " (+" + (ids.size() - 5) + ")";
    }
}
