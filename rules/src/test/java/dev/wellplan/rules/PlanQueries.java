package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Small readers over a plan, shared by the rule tests and the property tests. */
final class PlanQueries {

    private PlanQueries() {
    }

    static List<PlanItem> of(Plan plan, ItemKind kind) {
        return plan.items().stream().filter(i -> i.kind() == kind).toList();
    }

    static List<PlanItem> sessions(Plan plan) {
        return of(plan, ItemKind.MASSAGE);
    }

    static Set<LocalDate> days(List<PlanItem> items) {
        return items.stream().map(i -> i.start().toLocalDate()).collect(Collectors.toSet());
    }

    static PlanItem item(Plan plan, String id) {
        return plan.item(id).orElseThrow(() -> new AssertionError("no item " + id + " in " + ids(plan)));
    }

    static List<String> ids(Plan plan) {
        return plan.items().stream().map(PlanItem::id).toList();
    }

    /** Plan week 1-4 of an item (LIF-1: weeks count from the start date). */
    static int week(Plan plan, PlanItem item) {
        return (int) ChronoUnit.DAYS.between(plan.startDate(), item.start().toLocalDate()) / 7 + 1;
    }

    /** Items other than the session that start or run inside the session or its buffer (MAS-5). */
    static List<PlanItem> intruders(Plan plan, PlanItem session) {
        LocalDateTime from = session.start();
        LocalDateTime to = session.end().plusMinutes(session.massage().bufferMinutes());
        return plan.items().stream()
                .filter(i -> i != session)
                .filter(i -> i.start().isBefore(to) && i.end().isAfter(from))
                .toList();
    }
}
