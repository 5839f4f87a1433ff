package dev.wellplan.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.planner.plan.outbox.PlanEvents;
import dev.wellplan.reminders.DesiredReminder;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.reminders.ReminderPolicy;
import dev.wellplan.rules.Adjustment;
import dev.wellplan.rules.Assessment;
import dev.wellplan.rules.Client;
import dev.wellplan.rules.GeneratedAssessments;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.MassageType;
import dev.wellplan.rules.Operation;
import dev.wellplan.rules.Plan;
import dev.wellplan.rules.PlanItem;
import dev.wellplan.rules.PlanRules;
import dev.wellplan.rules.PlanStatus;
import dev.wellplan.rules.PlanText;
import dev.wellplan.rules.PropertyCheck;
import dev.wellplan.rules.RandomOperations;
import dev.wellplan.rules.SafetyGate;
import dev.wellplan.rules.Scenario;
import dev.wellplan.rules.Tally;

/**
 * Invariant 3 and SAFE-1/2 across the modules, with no framework started: no sequence of random coach operations on
 * random plans yields a reminder for a cancelled, paused (held) or awaiting-clearance item, nor a plan whose massage
 * breaks SAFE-1/2. Each case is a chain of one to six adjustments ({@link PlanRules#adjust}, the rules' test
 * generators: {@link Scenario} to start, {@link RandomOperations} on the plan each round left), "now" moving on a
 * few days a round; every plan the chain reaches is mapped to the event the outbox writes ({@link PlanEvents}) and
 * run through the notifier's {@link ReminderPolicy}. What is held, cancelled or gated is read from the rules' plan,
 * not from the snapshot, so a mapping that lost a hold fails here too. Fixed seed, replay and case count as in
 * {@link PropertyCheck}.
 */
class AdjustedPlanRemindersPropertyTest {
    private static final ReminderPolicy POLICY = ReminderPolicy.defaults();
    private static final UUID PLAN_ID = UUID.fromString("5eed0000-0000-4000-8000-000000000001");
    private static final UUID CLIENT_ID = UUID.fromString("5eed0000-0000-4000-8000-000000000002");

    /** One adjustment of a chain: the plan and assessment it met, when, what the coach sent, what came of it. */
    record Round(LocalDateTime now, Plan plan, Assessment assessment, List<Operation> ops, boolean silent,
                 Adjustment result) {
        Instant instant() {
            return now.atZone(plan.timeZone()).toInstant();
        }
    }

    /** A starting plan and the rounds of adjustments on it, drawn and applied one after another. */
    record Chain(Scenario start, List<Round> rounds) {
        static Chain draw(GeneratedAssessments g) {
            Scenario start = Scenario.draw(g);
            Plan plan = start.plan();
            Assessment assessment = start.assessment();
            Instant now = start.now().atZone(plan.timeZone()).toInstant();
            List<Operation> ops = start.ops();
            List<Round> rounds = new ArrayList<>();
            for (int left = g.between(1, 6); left > 0; left--) {
                LocalDateTime local = LocalDateTime.ofInstant(now, plan.timeZone());
                Adjustment result = PlanRules.adjust(plan, assessment, ops, local);
                rounds.add(new Round(local, plan, assessment, ops, g.chance(0.3), result));
                if (result instanceof Adjustment.Applied applied) {
                    plan = applied.plan();
                    assessment = applied.assessment();
                }
                now = now.plus(Duration.ofMinutes(g.between(0, 4 * 24 * 60)));
                ops = RandomOperations.batch(g, plan);
            }
            return new Chain(start, rounds);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(PlanText.plan(start.plan(), start.assessment())).append('\n');
            for (int i = 0; i < rounds.size(); i++) {
                Round round = rounds.get(i);
                out.append(String.format("  round %d at %s: %s%n", i + 1, round.now(), outcome(round.result())))
                        .append(PlanText.operations(round.ops(), round.plan()));
            }
            return out.toString();
        }

        private static String outcome(Adjustment result) {
            if (result instanceof Adjustment.Applied a) {
                return "applied, now " + a.plan().status() + " with " + a.plan().items().stream()
                        .filter(PlanItem::held).count() + " held, holds " + a.plan().holds();
            }
            return "refused " + ((Adjustment.Refused) result).refusals().stream()
                    .map(r -> r.operationIndex() + " " + r.ruleIds()).toList();
        }
    }

    @Test
    void no_chain_of_adjustments_asks_for_a_reminder_of_a_held_cancelled_or_gated_item_nor_breaks_SAFE_1_2() {
        PropertyCheck.forAllCounted(Chain::draw, (chain, tally) -> {
            Round first = chain.rounds().get(0);
            check("the plan before round 1", chain.start().plan(), chain.start().assessment(), first.instant(),
                    event(PlanEventType.PlanCreated, 1, first.plan(), first.assessment(), first.instant(), false), tally);
            long version = 1;
            for (int i = 0; i < chain.rounds().size(); i++) {
                Round round = chain.rounds().get(i);
                Scenario.countOutcome(tally, round.plan().status(), round.ops(), round.result());
                if (round.result() instanceof Adjustment.Applied a) {
                    PlanEventType type = a.plan().status() == round.plan().status() ? PlanEventType.PlanAdjusted
                            : PlanEventType.PlanStatusChanged;
                    check("the plan round " + (i + 1) + " left", a.plan(), a.assessment(), round.instant(),
                            event(type, ++version, a.plan(), a.assessment(), round.instant(), round.silent()), tally);
                }
            }
        });
    }

    /** The event the outbox would write for this version of the plan, as the planner builds it. */
    private static PlanEvent event(PlanEventType type, long version, Plan plan, Assessment a, Instant at,
                                   boolean silent) {
        Client client = new Client(a.client().name(), a.client().email(), plan.timeZone());
        return PlanEvents.of(type, PLAN_ID, version, plan.status().name(), CLIENT_ID, client,
                a.preferences().quietHours(), null, plan, at, new PlanEvent.Change("coach", null, silent));
    }

    private static void check(String which, Plan plan, Assessment a, Instant now, PlanEvent event, Tally tally) {
        try {
            checkReminders(plan, a, now, event, tally);
        } catch (AssertionError e) {
            throw new AssertionError(which + " (v" + event.planVersion() + ", " + event.type() + "): "
                    + e.getMessage(), e);
        }
    }

    /**
     * {@code now} is when this version was made: a pause holds what starts from then on, and the past keeps what it
     * had (an item that began before the pause, earlier on its first day, is over and not held).
     */
    private static void checkReminders(Plan plan, Assessment a, Instant now, PlanEvent event, Tally tally) {
        Map<String, PlanItem> items = plan.items().stream().collect(Collectors.toMap(PlanItem::id, Function.identity()));
        boolean disc = SafetyGate.discSigns(a.pain());
        String status = plan.status().name();
        for (DesiredReminder reminder : POLICY.desired(event)) {
            tally.count("reminders asked for", reminder.kind().name(), status);
            assertThat(reminder.kind().allowedWhile(status)).as("%s for %s while %s", reminder.kind(),
                    reminder.itemId(), status).isTrue();
            if (reminder.kind().planWide()) {
                continue;
            }
            PlanItem item = items.get(reminder.itemId());
            assertThat(item).as("%s for %s, which is not on the plan", reminder.kind(), reminder.itemId()).isNotNull();
            assertThat(item.held()).as("%s for %s, which a pause holds", reminder.kind(), item.id()).isFalse();
            // read from the holds too: a pause whose items were never marked held must not slip through
            if (!item.start().atZone(plan.timeZone()).toInstant().isBefore(now)) {
                assertThat(plan.holds()).as("%s for %s, inside a pause", reminder.kind(), item.id())
                        .noneMatch(h -> h.covers(item.start().toLocalDate()));
            }
            assertThat(plan.status()).as("%s for %s of a plan that is not running", reminder.kind(), item.id())
                    .isEqualTo(PlanStatus.ACTIVE);
            if (reminder.kind() == ReminderKind.MASSAGE_DAY_BEFORE) {
                assertThat(disc && item.massage().type() == MassageType.DEEP_TISSUE)
                        .as("SAFE-2: deep tissue reminded with disc signs, %s", item.id()).isFalse();
            }
        }
        for (PlanSnapshot.Item item : event.plan().items()) {
            tally.count("items of the plans checked", item.kind(),
                    items.get(item.id()).held() ? "held while " + status : "not held");
            assertThat(item.held()).as("the snapshot carries the hold of %s", item.id())
                    .isEqualTo(items.get(item.id()).held());
            if (ItemKind.MASSAGE.name().equals(item.kind())) {
                assertThat(status).as("SAFE-1: %s on a plan awaiting clearance", item.id())
                        .isNotEqualTo(PlanStatus.AWAITING_CLEARANCE.name());
                assertThat(disc && MassageType.DEEP_TISSUE.name().equals(item.massageType()))
                        .as("SAFE-2: %s deep tissue with disc signs", item.id()).isFalse();
            }
        }
    }
}
