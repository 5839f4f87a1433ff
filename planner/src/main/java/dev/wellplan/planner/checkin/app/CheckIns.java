package dev.wellplan.planner.checkin.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.checkin.store.CheckInDao;
import dev.wellplan.planner.plan.app.Actor;
import dev.wellplan.planner.plan.app.Confirmation;
import dev.wellplan.planner.plan.app.PlanChanges;
import dev.wellplan.planner.plan.store.PlanDao;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.rules.CheckInOutcome;
import dev.wellplan.rules.CoachFlag;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.PlanStatus;
import dev.wellplan.rules.RedFlag;
import dev.wellplan.rules.SafetyGate;
import dev.wellplan.rules.Urgency;
import dev.wellplan.rules.Violation;
import dev.wellplan.support.TransactionHandles;

/**
 * A check-in (issue 11, "Check-ins that feed back"): the client's answers after a session (AFT-2/3) or at any time,
 * or their coach's record of them, stored beside the plan in one transaction with what they set off: a red flag puts
 * an active plan behind the safety gate at once (SAFE-1, LIF-3) and alerts the coach urgently; soreness still there
 * 48 hours after a session alerts the coach and proposes the next session one pressure step lighter (AFT-3); the
 * notifier hears of it ({@code CheckInRecorded}: which session, and whether its +48 h check-in is still wanted),
 * never of the answers.
 */
@ApplicationScoped
public class CheckIns {

    private static final Logger LOG = Logger.getLogger(CheckIns.class);
    /** A note is a line or two for the coach, not a diary. */
    public static final int MAX_NOTE_LENGTH = 2000;
    /** Who a client's own check-in is recorded by, in the history and the table. */
    public static final Actor CLIENT = new Actor("client", "client");
    /** How the plan's history and its event say why a check-in put the plan back behind the gate. */
    static final String GATED_HISTORY = "back to awaiting clearance: a red flag reported at a check-in (SAFE-1, LIF-3)";
    static final String GATED_REASON = "a check-in answer needs a doctor's clearance";

    /** What a check-in says, as the API and the page take it, not yet checked. */
    public record Answer(String itemId, Integer soreness, Integer pain, List<String> redFlags, String note) {
    }

    /**
     * What was recorded, and what it set off: {@code hoursAfter} 24 or 48 (null without a session), the plan's status
     * after it, how urgently the client must see a doctor ({@code NONE}, {@code SEE_DOCTOR}, {@code SEEK_CARE_TODAY}),
     * whether the session's +48 h check-in is still wanted, and the proposal made for the coach, if any.
     */
    public record Receipt(UUID id, UUID planId, String itemId, Integer hoursAfter, Instant recordedAt,
                          String planStatus, String urgency, boolean followUp, UUID proposalId) {
    }

    private final PlanChanges changes;
    private final PlanDao plans;
    private final PlanDocuments documents;
    private final CheckInDao checkIns;
    private final Proposals proposals;
    private final Alerts alerts;
    private final Clock clock;

    public CheckIns(PlanChanges changes, TransactionHandles handles, PlanDocuments documents, Proposals proposals,
                    Alerts alerts, Clock clock) {
        this.changes = changes;
        this.plans = handles.onDemand(PlanDao.class);
        this.documents = documents;
        this.checkIns = handles.onDemand(CheckInDao.class);
        this.proposals = proposals;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * Records {@code answer} on the plan, by its client ({@link #CLIENT}) or by a coach or admin for them.
     *
     * @throws Refusal.Invalid       naming every field that is missing, out of range or unknown
     * @throws Refusal.NotFound      when there is no such plan
     * @throws Refusal.Conflict      when the plan's client has not confirmed it (or it expired unconfirmed)
     * @throws Refusal.Unprocessable when {@code itemId} names no session of the plan that has taken place
     */
    @Transactional
    public Receipt record(UUID planId, Actor who, Answer answer) {
        Set<RedFlag> redFlags = check(answer);
        PlanDao.LockedPlan row = plans.lockPlan(planId).orElseThrow(() -> Refusal.NotFound.plan(planId));
        if (Confirmation.valueOf(row.confirmation()) != Confirmation.CONFIRMED) {
            throw new Refusal.Conflict("this plan is not under way: its client has not confirmed it");
        }
        Plan plan = documents.readPlan(row.body());
        Instant at = clock.instant();
        LocalDateTime now = LocalDateTime.ofInstant(at, plan.timeZone());
        PlanItem session = answer.itemId() == null ? null : pastSession(plan, answer.itemId(), now);
        Integer hoursAfter = session == null ? null
                : Duration.between(session.start(), now).compareTo(Duration.ofHours(48)) >= 0 ? 48 : 24;
        UUID id = UUID.randomUUID();
        checkIns.insert(id, planId, answer.itemId(), hoursAfter, answer.soreness(), answer.pain(),
                redFlags.stream().map(Enum::name).sorted().toArray(String[]::new), blankToNull(answer.note()), who.id(),
                at);
        String status = row.status();
        Urgency urgency = Urgency.NONE;
        UUID proposal = null;
        if (!redFlags.isEmpty()) {
            urgency = SafetyGate.urgency(redFlags);
            status = gate(planId, plan, who, redFlags, now, status);
            alerts.raise(planId, AlertKind.RED_FLAG, id.toString(), null, null);
        } else if (hoursAfter != null && hoursAfter == 48 && answer.soreness() > 0) {
            proposal = soreAfter48Hours(planId, id, plan, session, answer.soreness(), now);
        }
        if (session != null) {
            // an answer on the session, however late, is no longer missing
            alerts.clear(planId, AlertKind.MISSED_CHECK_IN, MissedCheckIns.subject(session.id(), 24), who);
            alerts.clear(planId, AlertKind.MISSED_CHECK_IN, MissedCheckIns.subject(session.id(), 48), who);
        }
        boolean followUp = redFlags.isEmpty() && hoursAfter != null && hoursAfter == 24 && answer.soreness() > 0;
        changes.announceCheckIn(planId, who.id(), new PlanEvent.CheckIn(answer.itemId(), followUp));
        LOG.infof("plan %s: check-in %s recorded%s", planId, id, session == null ? "" : " on " + session.id());
        return new Receipt(id, planId, answer.itemId(), hoursAfter, at, status, urgency.name(), followUp, proposal);
    }

    /** SAFE-1/LIF-3: an active or paused plan goes back behind the gate from this moment; any other stays as it is. */
    private String gate(UUID planId, Plan plan, Actor who, Set<RedFlag> redFlags, LocalDateTime now, String status) {
        if (plan.status() != PlanStatus.ACTIVE && plan.status() != PlanStatus.PAUSED) {
            return status;
        }
        var change = new PlanChanges.Change(PlanEventType.PlanStatusChanged, who.name(), who.id(), GATED_HISTORY,
                GATED_REASON, false, PlanEvent.Cause.CHECK_IN);
        return changes.change(planId, change,
                current -> PlanRules.redFlagReported(current.plan(), redFlags, now).plan()).status();
    }

    /**
     * AFT-3: the coach's alert, and a proposal when the next session is still ahead and firmer than the rules propose
     * (a session already at the lightest pressure, or none left, gets the alert alone).
     */
    private UUID soreAfter48Hours(UUID planId, UUID checkInId, Plan plan, PlanItem session, int soreness,
                                  LocalDateTime now) {
        CheckInOutcome outcome = PlanRules.soreAfter48Hours(plan, session.id(), soreness);
        if (!outcome.flags().contains(CoachFlag.SORENESS_PAST_48H)) {
            return null;
        }
        UUID proposal = null;
        PlanItem next = outcome.proposedForSessionId() == null ? null
                : plan.item(outcome.proposedForSessionId()).orElse(null);
        boolean live = plan.status() == PlanStatus.ACTIVE || plan.status() == PlanStatus.PAUSED;
        if (live && next != null && next.start().isAfter(now)
                && next.massage().pressure().compareTo(outcome.proposedPressure()) > 0) {
            proposal = proposals.propose(planId, checkInId, next.id(), outcome.proposedPressure());
        }
        alerts.raise(planId, AlertKind.SORENESS_48H, session.id(), null, proposal);
        return proposal;
    }

    /** The massage session {@code itemId} names, if it has begun. */
    private static PlanItem pastSession(Plan plan, String itemId, LocalDateTime now) {
        PlanItem session = plan.item(itemId).filter(i -> i.kind() == ItemKind.MASSAGE).orElseThrow(() ->
                Refusal.Unprocessable.of("itemId", "names no massage session of this plan; leave it out to report "
                        + "without one"));
        if (session.start().isAfter(now)) {
            throw Refusal.Unprocessable.of("itemId", "names a session that has not taken place yet");
        }
        return session;
    }

    /** Every field error at once; the red flags as the rules name them. */
    private static Set<RedFlag> check(Answer answer) {
        List<Violation> bad = new ArrayList<>();
        score(answer.soreness(), "soreness", bad);
        score(answer.pain(), "pain", bad);
        Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
        List<String> named = answer.redFlags() == null ? List.of() : answer.redFlags();
        for (int i = 0; i < named.size(); i++) {
            RedFlag flag = named.get(i) == null ? null : redFlag(named.get(i));
            if (flag == null) {
                bad.add(new Violation("redFlags[" + i + "]", "'" + named.get(i) + "' is not one of "
                        + String.join(", ", EnumSet.allOf(RedFlag.class).stream().map(Enum::name).toList())));
            } else {
                flags.add(flag);
            }
        }
        if (answer.itemId() != null && answer.itemId().isBlank()) {
            bad.add(new Violation("itemId", "must name a session, or be left out"));
        }
        if (answer.note() != null && answer.note().length() > MAX_NOTE_LENGTH) {
            bad.add(new Violation("note", "must be at most " + MAX_NOTE_LENGTH + " characters"));
        }
        if (!bad.isEmpty()) {
            throw new Refusal.Invalid(bad);
        }
        return flags;
    }

    private static void score(Integer value, String field, List<Violation> bad) {
        if (value == null) {
            bad.add(new Violation(field, "is required: 0 (none) to 10 (the worst imaginable)"));
        } else if (value < 0 || value > 10) {
            bad.add(new Violation(field, "must be between 0 and 10"));
        }
    }

    private static RedFlag redFlag(String name) {
        for (RedFlag flag : RedFlag.values()) {
            if (flag.name().equals(name)) {
                return flag;
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
