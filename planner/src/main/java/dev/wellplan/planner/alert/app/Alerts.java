package dev.wellplan.planner.alert.app;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.planner.alert.store.AlertDao;
import dev.wellplan.planner.plan.app.Actor;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.support.TransactionHandles;

/**
 * The coach's alerts: raised by the use cases that notice something (a check-in, the watch on missed check-ins, the
 * end of a plan, a failed e-mail), cleared by those that handle it, or by the coach. Raising and clearing join the
 * caller's transaction, so an alert stands or falls with what raised it.
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);
    /** A list longer than this is not read; the roster's filter finds the rest. */
    public static final int MAX_LISTED = 500;

    /** Whose plans' alerts: every plan, the caller's own, the unassigned pool's (any of them together). */
    public record Scope(boolean all, boolean mine, boolean pool) {
        public static final Scope ALL = new Scope(true, false, false);
    }

    private final AlertDao alerts;
    private final Clock clock;

    public Alerts(TransactionHandles handles, Clock clock) {
        this.alerts = handles.onDemand(AlertDao.class);
        this.clock = clock;
    }

    /**
     * Raises an alert of {@code kind} about {@code subject} on the plan; the same alert raised again (even once
     * cleared) changes nothing. {@code detail} is a fixed word, never a health answer.
     */
    @Transactional
    public void raise(UUID planId, AlertKind kind, String subject, String detail, UUID proposalId) {
        if (!kind.stored()) {
            throw new IllegalArgumentException(kind + " follows from the plan and is not raised");
        }
        if (alerts.raise(UUID.randomUUID(), planId, kind.name(), subject, kind.urgent(), detail, proposalId,
                clock.instant()) > 0) {
            LOG.infof("plan %s: alert %s raised", planId, kind);
        }
    }

    /** Clears the plan's open alerts of {@code kind} ({@code subject} null: whatever they are about). */
    @Transactional
    public void clear(UUID planId, AlertKind kind, String subject, Actor by) {
        alerts.clear(planId, kind.name(), subject, by.id(), clock.instant());
    }

    /** Clears the alert a proposal answers, once the proposal is decided. */
    @Transactional
    public void clearProposal(UUID proposalId, Actor by) {
        alerts.clearProposal(proposalId, by.id(), clock.instant());
    }

    /**
     * The coach clears one alert by hand (they called the client, fixed the address, reviewed the plan). Clearing one
     * already cleared changes nothing.
     *
     * @throws Refusal.NotFound when the plan has no such alert (or {@code id} is none)
     */
    @Transactional
    public void clearByHand(UUID planId, String id, Actor by) {
        UUID alertId = Ids.parse(id, "alert");
        if (alerts.kindOf(planId, alertId).isEmpty()) {
            throw new Refusal.NotFound("alert " + alertId);
        }
        if (alerts.clearOne(planId, alertId, by.id(), clock.instant()) > 0) {
            LOG.infof("plan %s: alert %s cleared", planId, alertId);
        }
    }

    /**
     * The open alerts of the plans in {@code scope} ({@code coachId} for the caller's own), of one {@code kind} or
     * all (null): urgent first, then the oldest, at most {@value #MAX_LISTED}.
     */
    public List<Alert> open(Scope scope, String coachId, AlertKind kind) {
        return alerts.open(clock.instant(), scope.all(), scope.mine(), scope.pool(), coachId, null,
                        kind == null ? null : kind.name(), MAX_LISTED).stream()
                .map(Alerts::alert).toList();
    }

    /** The open alerts of one plan, for its page (whoever may open the plan may read them): urgent first, then oldest. */
    public List<Alert> ofPlan(UUID planId) {
        return alerts.open(clock.instant(), true, false, false, null, planId, null, MAX_LISTED).stream()
                .map(Alerts::alert).toList();
    }

    private static Alert alert(AlertDao.Line l) {
        AlertKind kind = AlertKind.valueOf(l.kind());
        return new Alert(l.id(), l.planId(), kind, l.urgent(), l.raisedAt(), l.subject(), l.detail(), l.proposalId(),
                l.coachId(), l.clientName(), kind.clears());
    }
}
