package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan as the operations of one adjustment leave it, one operation at a time. Each operation works on a
 * {@link #copy()} that is kept only if nothing in it was refused, so a refused operation leaves no trace and the
 * ones after it see the plan as the accepted ones left it.
 */
final class AdjustmentDraft {
    private final Plan base;
    /** Items that started before the adjustment's "now": they never change, whatever a zone change says later. */
    private final Set<String> frozen;
    final Map<String, PlanItem> items;
    Assessment assessment;
    PlanStatus status;
    ZoneId zone;
    /** "Now" as a local time of {@link #zone}. */
    LocalDateTime now;
    List<Hold> holds;
    int added;

    private AdjustmentDraft(Plan base, Set<String> frozen, Map<String, PlanItem> items, Assessment assessment,
                            PlanStatus status, ZoneId zone, LocalDateTime now, List<Hold> holds, int added) {
        this.base = base;
        this.frozen = frozen;
        this.items = items;
        this.assessment = assessment;
        this.status = status;
        this.zone = zone;
        this.now = now;
        this.holds = holds;
        this.added = added;
    }

    static AdjustmentDraft of(Plan plan, Assessment a, LocalDateTime now) {
        Map<String, PlanItem> items = new LinkedHashMap<>();
        Set<String> frozen = new HashSet<>();
        for (PlanItem item : plan.items()) {
            items.put(item.id(), item);
            if (item.start().isBefore(now)) {
                frozen.add(item.id());
            }
        }
        return new AdjustmentDraft(plan, Set.copyOf(frozen), items, a, plan.status(), plan.timeZone(), now,
                plan.holds(), plan.addedItems());
    }

    AdjustmentDraft copy() {
        return new AdjustmentDraft(base, frozen, new LinkedHashMap<>(items), assessment, status, zone, now,
                List.copyOf(holds), added);
    }

    Plan toPlan() {
        List<PlanItem> sorted = new ArrayList<>(items.values());
        sorted.sort(ActivePlan.ORDER);
        return new Plan(status, zone, base.startDate(), base.endDate(), sorted, base.guidance(),
                base.unmetPreferences(), base.urgency(), holds, added);
    }

    WallClock clock() {
        return WallClock.of(zone, base.startDate(), base.endDate());
    }

    LocalDate startDate() {
        return base.startDate();
    }

    LocalDate endDate() {
        return base.endDate();
    }

    /** Plan week 1-4 of a day (LIF-1: weeks count from the start date). */
    int week(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(base.startDate(), day) / 7 + 1;
    }

    /** True for an item that started before now: the past stays as it was. */
    boolean past(PlanItem item) {
        return frozen.contains(item.id()) || item.start().isBefore(now);
    }

    Optional<PlanItem> item(String id) {
        return Optional.ofNullable(id == null ? null : items.get(id));
    }

    void put(PlanItem item) {
        items.put(item.id(), item);
    }

    List<PlanItem> of(ItemKind kind) {
        return items.values().stream().filter(i -> i.kind() == kind).sorted(ActivePlan.ORDER).toList();
    }

    List<PlanItem> sessions() {
        return of(ItemKind.MASSAGE);
    }

    boolean discSigns() {
        return SafetyGate.discSigns(assessment.pain());
    }

    /** The windows of every session (MAS-5); at most two, as MAS-1 plans them. */
    SessionWindows windows() {
        SessionWindows windows = new SessionWindows();
        for (PlanItem s : sessions()) {
            windows.add(s.start(), s.durationMinutes(), s.massage().bufferMinutes());
        }
        return windows;
    }

    /** The session whose window (the session and its free buffer, MAS-5) the slot overlaps, other than {@code own}. */
    Optional<PlanItem> windowHit(LocalDateTime start, int minutes, String own) {
        LocalDateTime end = start.plusMinutes(minutes);
        return sessions().stream().filter(s -> !s.id().equals(own))
                .filter(s -> start.isBefore(s.end().plusMinutes(s.massage().bufferMinutes())) && end.isAfter(s.start()))
                .findFirst();
    }

    /** MAS-6: the session that keeps strength off {@code day}: one on that day, or deep tissue the day before. */
    Optional<PlanItem> strengthBlockedBy(LocalDate day) {
        return sessions().stream().filter(s -> {
            LocalDate d = s.start().toLocalDate();
            return d.equals(day) || s.massage().type() == MassageType.DEEP_TISSUE && d.plusDays(1).equals(day);
        }).findFirst();
    }

    /** The other item of {@code kind} on {@code day}, if any. */
    Optional<PlanItem> sameDay(ItemKind kind, LocalDate day, String other) {
        return items.values().stream()
                .filter(i -> i.kind() == kind && !i.id().equals(other) && i.start().toLocalDate().equals(day))
                .min(ActivePlan.ORDER);
    }

    /**
     * Places a session and re-derives what hangs off it (aftercare, both check-ins, light movement) from it, with
     * the same ids.
     */
    void placeSession(PlanItem session) {
        items.values().removeIf(i -> SessionItems.belongsTo(i.id(), session.id()) && !i.id().equals(session.id()));
        put(session);
        for (PlanItem hanging : SessionItems.hangingOff(session, assessment.preferences().exerciseTime(), windows(),
                clock())) {
            put(hanging);
        }
    }

    /** A session goes with everything that hangs off it. */
    void removeSession(String sessionId) {
        items.values().removeIf(i -> SessionItems.belongsTo(i.id(), sessionId));
    }

    boolean held(LocalDate day) {
        return holds.stream().anyMatch(h -> h.covers(day));
    }

    /** True while a pause lasts into the future: an open one, or one not over before today. */
    boolean pausedFromNowOn() {
        return status == PlanStatus.PAUSED
                || holds.stream().anyMatch(h -> h.openEnded() || !h.until().isBefore(now.toLocalDate()));
    }

    /** Each item from now on is held exactly when a pause covers its day; the past keeps what it had. */
    void applyHolds() {
        for (PlanItem item : List.copyOf(items.values())) {
            if (!past(item)) {
                put(item.withHeld(held(item.start().toLocalDate())));
            }
        }
    }
}
