package dev.wellplan.planner.checkin.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.alert.app.Ids;
import dev.wellplan.planner.checkin.store.ProposalDao;
import dev.wellplan.planner.plan.app.Actor;
import dev.wellplan.planner.plan.app.AdjustmentRequest;
import dev.wellplan.planner.plan.app.Adjustments;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Operation;
import dev.wellplan.rules.Pressure;
import dev.wellplan.support.TransactionHandles;

/**
 * AFT-3's proposals: when soreness lasts 48 hours, the next session one pressure step lighter, which the coach
 * accepts in one call (an ordinary adjustment of the plan, in its history like any other) or dismisses. Either clears
 * the coach's alert.
 */
@ApplicationScoped
public class Proposals {

    private static final Logger LOG = Logger.getLogger(Proposals.class);

    /** A proposal as its coach sees it. */
    public record Proposal(UUID id, UUID planId, String itemId, String pressure, String status, Instant createdAt,
                           Instant decidedAt, Long planVersion) {
        static Proposal of(ProposalDao.Row row) {
            return new Proposal(row.id(), row.planId(), row.itemId(), row.pressure(), row.status(), row.createdAt(),
                    row.decidedAt(), row.planVersion());
        }
    }

    private final ProposalDao proposals;
    private final Adjustments adjustments;
    private final Alerts alerts;
    private final Clock clock;

    public Proposals(TransactionHandles handles, Adjustments adjustments, Alerts alerts, Clock clock) {
        this.proposals = handles.onDemand(ProposalDao.class);
        this.adjustments = adjustments;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** The plan's proposals no coach has decided yet, oldest first. */
    public List<Proposal> pendingOf(UUID planId) {
        return proposals.pendingOf(planId).stream().map(Proposal::of).toList();
    }

    /** Proposes {@code pressure} for the session {@code itemId}; the session's pending proposal, if it has one already. */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID propose(UUID planId, UUID checkInId, String itemId, Pressure pressure) {
        UUID id = UUID.randomUUID();
        if (proposals.propose(id, planId, checkInId, itemId, pressure.name(), clock.instant()) == 0) {
            return proposals.pending(planId, itemId).orElseThrow();
        }
        LOG.infof("plan %s: proposal %s, %s lighter", planId, id, itemId);
        return id;
    }

    /**
     * The coach accepts the proposal on the plan at {@code expectedVersion} (its ETag): the session's pressure changes
     * as an ordinary adjustment, and the plan's new version is the answer.
     *
     * @throws Refusal.NotFound     when the plan has no such proposal (or {@code id} is none)
     * @throws Refusal.Conflict     when it was decided already, or the plan's client has not confirmed it
     * @throws Refusal.Stale        when the plan is no longer at {@code expectedVersion}
     * @throws Refusal.RulesRefused when the plan rules refuse the change now (the session passed, the plan paused...)
     */
    @Transactional
    public PlanView accept(UUID planId, String id, long expectedVersion, Actor who) {
        UUID proposalId = Ids.parse(id, "proposal");
        ProposalDao.Row proposal = pending(planId, proposalId);
        PlanView plan = adjustAsProposed(planId, proposal, expectedVersion, who);
        proposals.decide(proposalId, "ACCEPTED", who.id(), clock.instant(), plan.version());
        alerts.clearProposal(proposalId, who);
        LOG.infof("plan %s: proposal %s accepted at v%d", planId, proposalId, plan.version());
        return plan;
    }

    /**
     * The coach dismisses the proposal; dismissing it again changes nothing.
     *
     * @throws Refusal.NotFound when the plan has no such proposal
     * @throws Refusal.Conflict when it was accepted
     */
    @Transactional
    public Proposal dismiss(UUID planId, String id, Actor who) {
        UUID proposalId = Ids.parse(id, "proposal");
        ProposalDao.Row row = proposals.lock(planId, proposalId)
                .orElseThrow(() -> new Refusal.NotFound("proposal " + proposalId));
        if (row.status().equals("ACCEPTED")) {
            throw new Refusal.Conflict("this proposal was accepted at version " + row.planVersion());
        }
        if (row.status().equals("PENDING")) {
            proposals.decide(proposalId, "DISMISSED", who.id(), clock.instant(), null);
            alerts.clearProposal(proposalId, who);
            LOG.infof("plan %s: proposal %s dismissed", planId, proposalId);
        }
        return Proposal.of(proposals.lock(planId, proposalId).orElseThrow());
    }

    private ProposalDao.Row pending(UUID planId, UUID proposalId) {
        ProposalDao.Row row = proposals.lock(planId, proposalId)
                .orElseThrow(() -> new Refusal.NotFound("proposal " + proposalId));
        if (!row.status().equals("PENDING")) {
            throw new Refusal.Conflict("this proposal was " + row.status().toLowerCase() + " already");
        }
        return row;
    }

    /**
     * The proposal as an ordinary adjustment: one {@code changeMassage} operation through the adjustments use case
     * ({@code POST /api/plans/{id}/adjustments}), at the version the coach read, so it passes the same safety gate and
     * plan rules, is stored with its operation in the history and tells the client as any adjustment does.
     */
    private PlanView adjustAsProposed(UUID planId, ProposalDao.Row proposal, long expectedVersion, Actor who) {
        Pressure pressure = Pressure.valueOf(proposal.pressure());
        Operation lighter = new Operation.ChangeMassage(proposal.itemId(), null, pressure, null);
        String reason = "accepted the proposal after soreness 48 hours on (AFT-3): " + proposal.itemId() + " at "
                + pressure.name().toLowerCase(Locale.ROOT) + " pressure";
        return adjustments.adjust(planId, expectedVersion, new AdjustmentRequest(reason, true, false, List.of(lighter)),
                who, Optional.empty()).plan();
    }
}
