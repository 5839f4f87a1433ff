package dev.wellplan.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plan, its assessment and a coach's operations as a few lines of text, for failure messages without
 * shrinking: enough to read the failing case before replaying it.
 */
public final class PlanText {
    private static final Pattern ITEM_ID = Pattern.compile("itemId=([^,\\]]+)");
    private static final Pattern UNSET = Pattern.compile("(, )?\\b\\w+=null|, override=\\[]|\\boverride=\\[]");

    private PlanText() {
    }

    /** Status, zone, dates, holds, item counts by kind, the sessions, and the assessment's safety-relevant answers. */
    public static String plan(Plan plan, Assessment a) {
        Map<ItemKind, Long> kinds = plan.items().stream()
                .collect(Collectors.groupingBy(PlanItem::kind, TreeMap::new, Collectors.counting()));
        String sessions = PlanQueries.sessions(plan).stream().map(s -> s.id() + " " + s.start() + " "
                + s.massage().type() + " " + s.massage().pressure() + " " + s.durationMinutes() + "min"
                + (s.held() ? " held" : "")).collect(Collectors.joining(", "));
        return String.format("%s plan in %s %s..%s, holds %s, added %d%n    items %s, %d held%n    sessions [%s]%n"
                        + "    assessment %s%s, red flags %s, equipment %s, massage at %s, exercise at %s",
                plan.status(), plan.timeZone(), plan.startDate(), plan.endDate(), plan.holds(), plan.addedItems(),
                kinds, plan.items().stream().filter(PlanItem::held).count(), sessions, a.pain().pattern(),
                SafetyGate.discSigns(a.pain()) ? " (disc signs)" : "", a.redFlags(), a.equipment(),
                a.preferences().massageTime(), a.preferences().exerciseTime());
    }

    /** Numbered from 0 as refusals count them, one a line, each with the item it names as the plan had it. */
    public static String operations(List<Operation> ops, Plan plan) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ops.size(); i++) {
            out.append(String.format("    [%d] %s%s%n", i, operation(ops.get(i)), item(ops.get(i), plan)));
        }
        return out.toString();
    }

    /** The operation's record text without the fields left unset (null, or no override). */
    static String operation(Operation op) {
        return UNSET.matcher(op.toString()).replaceAll("").replace("[, ", "[");
    }

    private static String item(Operation op, Plan plan) {
        Matcher id = ITEM_ID.matcher(op.toString());
        if (!id.find()) {
            return "";
        }
        return plan.item(id.group(1)).map(i -> "  (" + i.kind() + " at " + i.start() + (i.held() ? ", held)" : ")"))
                .orElse("  (no such item)");
    }
}
