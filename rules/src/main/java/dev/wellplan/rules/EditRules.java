package dev.wellplan.rules;

import java.util.List;

/** SAFE-4: a coach edit that would break SAFE-1/2 is refused with a clear error naming the item. */
final class EditRules {

    private EditRules() {
    }

    static List<Violation> check(Plan current, Plan edited, Assessment a) {
        Violations v = new Violations();
        boolean waiting = current.status() == PlanStatus.AWAITING_CLEARANCE;
        boolean leaves = edited.status() != PlanStatus.AWAITING_CLEARANCE && edited.status() != PlanStatus.CANCELLED;
        v.check(!(waiting && leaves), "status",
                "only a recorded medical clearance ends AWAITING_CLEARANCE (SAFE-3, SAFE-4)");
        boolean disc = SafetyGate.discSigns(a.pain());
        for (int i = 0; i < edited.items().size(); i++) {
            PlanItem item = edited.items().get(i);
            if (item.kind() != ItemKind.MASSAGE) {
                continue;
            }
            String path = "items[" + i + "]";
            v.check(edited.status() != PlanStatus.AWAITING_CLEARANCE, path,
                    "no massage session while the plan awaits medical clearance (SAFE-1, SAFE-4)");
            if (v.required(path + ".massage", item.massage())) {
                v.check(!(disc && item.massage().type() == MassageType.DEEP_TISSUE), path + ".massage.type",
                        "deep tissue is refused for a suspected disc or pain radiating down the leg, "
                                + "even after clearance (SAFE-2, SAFE-4)");
            }
        }
        return v.list();
    }
}
