package dev.wellplan.planner.plan.app;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.Adjustment;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.Violation;

/**
 * A coach adjusts a plan (issue "Coaches adjust plans"): operations applied by {@link PlanRules#adjust}, all or
 * none, to the version the coach read ({@code If-Match}), stored through {@link PlanChanges} as the next version
 * with its revision and its event, or previewed with the same code and nothing stored.
 *
 * <p>The coach's reason stays in the plan's history (it may hold health details); the event carries a fixed phrase
 * naming the operations. A change of the plan's status (pause to the end, resume, cancel) is a
 * {@code PlanStatusChanged} event, any other a {@code PlanAdjusted}; either is silent when the coach chose not to
 * tell the client.
 */
@ApplicationScoped
public class Adjustments {

    /** A reason is a sentence or two for the history, not a case note. */
    public static final int MAX_REASON_LENGTH = 2000;
    /** More operations than this in one adjustment is not a coach at work. */
    public static final int MAX_OPERATIONS = 50;

    private static final TypeReference<AdjustmentResult.Applied> APPLIED = new TypeReference<>() {
    };

    /** What an Idempotency-Key's fingerprint covers: the plan and everything the coach asked. */
    private record Asked(UUID planId, AdjustmentRequest request) {
    }

    private final PlanChanges changes;
    private final IdempotencyKeys keys;
    private final PlanDocuments documents;
    private final ChangeEffects effects;
    private final Clock clock;

    public Adjustments(PlanChanges changes, IdempotencyKeys keys, PlanDocuments documents, ChangeEffects effects,
                       Clock clock) {
        this.changes = changes;
        this.keys = keys;
        this.documents = documents;
        this.effects = effects;
        this.clock = clock;
    }

    /**
     * Adjusts the plan at {@code expectedVersion} as {@code request} asks, by {@code who}: previewed when the request
     * is a dry run (nothing stored, the key unused), else applied. With an {@code idempotencyKey}, a retry of an
     * applied adjustment gets the first answer again, whatever the plan's version is by then.
     *
     * @throws Refusal.Invalid              when the reason is missing or too long, or there are no operations
     * @throws Refusal.NotFound             when there is no such plan
     * @throws Refusal.IdempotencyKeyReused when the key was first used for another request
     * @throws Refusal.Stale                when the plan is no longer at {@code expectedVersion}
     * @throws Refusal.Conflict             when the plan's client has not confirmed it
     * @throws Refusal.RulesRefused         when the plan rules refuse it, with every reason
     */
    @Transactional
    public AdjustmentResult adjust(UUID planId, long expectedVersion, AdjustmentRequest request, Actor who,
                                   Optional<String> idempotencyKey) {
        check(request);
        if (request.dryRun()) {
            return preview(changes.propose(planId, false, current -> decide(current, expectedVersion, request, who)));
        }
        if (idempotencyKey.isPresent()) {
            Optional<IdempotencyKeys.First> first = keys.claim(idempotencyKey.get(),
                    documents.fingerprint(new Asked(planId, request)), planId);
            if (first.isPresent()) {
                return documents.read(first.get().result(), APPLIED).asReplay();
            }
        }
        PlanChanges.Proposal proposal = changes.propose(planId, true,
                current -> decide(current, expectedVersion, request, who));
        PlanView plan = changes.commit(proposal);
        var applied = new AdjustmentResult.Applied(plan, itemChanges(proposal), proposal.next().detail().overrides(),
                false);
        idempotencyKey.ifPresent(key -> keys.remember(key, documents.json(applied)));
        return applied;
    }

    private PlanChanges.Next decide(PlanChanges.Current current, long expectedVersion, AdjustmentRequest request,
                                    Actor who) {
        if (current.version() != expectedVersion) {
            throw new Refusal.Stale(current.version());
        }
        if (current.confirmation() != Confirmation.CONFIRMED) {
            throw new Refusal.Conflict("the plan's client has not confirmed it yet: there is nothing to adjust");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(current.plan().timeZone()));
        Adjustment outcome = PlanRules.adjust(current.plan(), current.assessment(), request.operations(), now);
        if (outcome instanceof Adjustment.Refused refused) {
            throw new Refusal.RulesRefused(refused.refusals());
        }
        Adjustment.Applied applied = (Adjustment.Applied) outcome;
        PlanEventType type = applied.plan().status() != current.plan().status()
                ? PlanEventType.PlanStatusChanged : PlanEventType.PlanAdjusted;
        var change = new PlanChanges.Change(type, who.name(), who.id(), request.reason(), eventReason(request),
                !request.notifyClient());
        return new PlanChanges.Next(applied.plan(), applied.assessment(), current.coachId(), current.confirmation(),
                change, new PlanChanges.Detail(request.operations(), applied.overrides()));
    }

    private AdjustmentResult.Previewed preview(PlanChanges.Proposal proposal) {
        PlanChanges.Next next = proposal.next();
        PlanView plan = PlanView.of(proposal.planId(), proposal.after().planVersion(), proposal.after().plan().status(),
                next.coachId(), next.plan());
        return new AdjustmentResult.Previewed(plan, itemChanges(proposal), next.detail().overrides(),
                effects.reminders(proposal.before(), proposal.beforeAt(), proposal.after()),
                ChangeEffects.calendar(proposal.before(), proposal.after().plan()));
    }

    private static List<Adjustment.ItemChange> itemChanges(PlanChanges.Proposal proposal) {
        return PlanRules.itemChanges(proposal.current().plan(), proposal.next().plan());
    }

    /** A fixed phrase for the event: the operations' names, never the coach's words. */
    private static String eventReason(AdjustmentRequest request) {
        return "coach adjusted the plan: " + request.operations().stream().map(OperationJson::name).distinct()
                .collect(Collectors.joining(", "));
    }

    private static void check(AdjustmentRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            violations.add(new Violation("reason", "is required: say why, for the plan's history"));
        } else if (request.reason().length() > MAX_REASON_LENGTH) {
            violations.add(new Violation("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
        }
        if (request.operations().isEmpty()) {
            violations.add(new Violation("operations", "must name at least one operation"));
        } else if (request.operations().size() > MAX_OPERATIONS) {
            violations.add(new Violation("operations", "must be at most " + MAX_OPERATIONS + " operations"));
        } else if (request.operations().contains(null)) {
            violations.add(new Violation("operations", "must not contain null"));
        }
        if (!violations.isEmpty()) {
            throw new Refusal.Invalid(violations);
        }
    }
}
