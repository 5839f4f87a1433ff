package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.PlanStatus;

/** SAFE-3: a coach records medical clearance; the plan becomes ACTIVE with massage sessions from today on. */
@ApplicationScoped
public class Clearances {

    /** A clearance note is a line or two from the doctor's letter, not the letter. */
    public static final int MAX_NOTE_LENGTH = 2000;

    private final PlanChanges changes;
    private final Alerts alerts;
    private final Clock clock;

    public Clearances(PlanChanges changes, Alerts alerts, Clock clock) {
        this.changes = changes;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Records clearance by {@code who}, with an optional {@code note}.
     *
     * @throws Refusal.Conflict when the plan is not awaiting clearance
     */
    @Transactional
    public PlanView record(UUID planId, Actor who, String note) {
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw Refusal.Invalid.of("note", "must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        String history = note == null || note.isBlank() ? "medical clearance recorded" : "medical clearance: " + note;
        var change = new PlanChanges.Change(PlanEventType.PlanStatusChanged, who.name(), who.id(), history,
                "medical clearance recorded", false, PlanEvent.Cause.CLEARANCE);
        PlanView cleared = changes.change(planId, change, current -> {
            if (current.confirmation() != Confirmation.CONFIRMED) {
                throw new Refusal.Conflict("plan " + planId + " is not confirmed by its client");
            }
            if (current.plan().status() != PlanStatus.AWAITING_CLEARANCE) {
                throw new Refusal.Conflict("plan " + planId + " is " + current.plan().status()
                        + ", not awaiting clearance");
            }
            LocalDate today = LocalDate.now(clock.withZone(current.plan().timeZone()));
            return PlanRules.clear(current.plan(), current.assessment(), today);
        });
        alerts.clear(planId, AlertKind.RED_FLAG, null, who); // the red flags that sent it back are handled
        return cleared;
    }
}
