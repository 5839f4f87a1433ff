package dev.wellplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The promises of coach adjustments over random plans and random operations ({@link Scenario}: plans from
 * {@link GeneratedAssessments} in every zone, pattern, red flag and equipment set; active, cleared, awaiting
 * clearance, already adjusted, cancelled; "now" before, inside and after the four weeks; one to four operations,
 * valid and not, with and without overrides). Each property checks {@link PropertyCheck#DEFAULT_CASES} scenarios
 * of a fixed seed and prints the outcomes it reached; a failure prints the scenario and the flags that replay it.
 */
class AdjustmentPropertiesTest {
    private static final Pattern RULE_ID = Pattern.compile("(SAFE|MAS|AFT|ACT|LIF)-\\d");

    @Test
    void SAFE_4_no_applied_plan_breaks_the_safety_gate() {
        Scenario.forAll(AdjustmentPropertiesTest::obeysTheSafetyGate);
    }

    private static void obeysTheSafetyGate(Scenario s) {
        if (!(s.adjust() instanceof Adjustment.Applied a)) {
            return;
        }
        Plan next = a.plan();
        boolean disc = SafetyGate.discSigns(a.assessment().pain());
        assertThat(PlanRules.checkEdit(s.plan(), next, a.assessment())).isEmpty();
        assertThat(PlanQueries.sessions(next)).allSatisfy(session -> {
            assertThat(disc && session.massage().type() == MassageType.DEEP_TISSUE).as("SAFE-2").isFalse();
            assertThat(session.held()).as("no session in a paused stretch").isFalse();
            assertThat(next.holds()).as("no session in a paused stretch").noneMatch(h ->
                    !session.start().isBefore(s.now()) && h.covers(session.start().toLocalDate()));
        });
        if (next.status() == PlanStatus.AWAITING_CLEARANCE) {
            assertThat(PlanQueries.sessions(next)).as("SAFE-1").isEmpty();
        }
        if (s.plan().status() == PlanStatus.CANCELLED || s.plan().status() == PlanStatus.COMPLETED) {
            assertThat(next).isEqualTo(s.plan());
        }
    }

    @Test
    void LIF_1_the_past_never_changes_and_nothing_moves_into_it_or_out_of_the_four_weeks() {
        Scenario.forAll(AdjustmentPropertiesTest::keepsThePastAndTheFourWeeks);
    }

    private static void keepsThePastAndTheFourWeeks(Scenario s) {
        if (!(s.adjust() instanceof Adjustment.Applied a)) {
            return;
        }
        Map<String, PlanItem> after = byId(a.plan());
        s.plan().items().stream().filter(i -> i.start().isBefore(s.now()))
                .forEach(i -> assertThat(after.get(i.id())).as("past item %s", i.id()).isEqualTo(i));
        Map<String, PlanItem> before = byId(s.plan());
        LocalDateTime nowThere = s.nowIn(a.plan().timeZone());
        for (PlanItem item : a.plan().items()) {
            PlanItem was = before.get(item.id());
            if (was != null && was.start().equals(item.start())) {
                continue;
            }
            assertThat(item.start()).as("%s placed in the past", item.id()).isAfterOrEqualTo(nowThere);
            assertThat(item.start().toLocalDate()).as(item.id()).isBetween(a.plan().startDate(), a.plan().endDate());
            assertThat(item.start().atZone(a.plan().timeZone()).toLocalDateTime()).as("%s a real local time", item.id())
                    .isEqualTo(item.start());
        }
        for (PlanItem item : a.plan().items()) {
            if (!item.start().isBefore(nowThere) && !item.start().isBefore(s.now())) {
                boolean covered = a.plan().holds().stream().anyMatch(h -> h.covers(item.start().toLocalDate()));
                assertThat(item.held()).as("%s held exactly inside a pause", item.id()).isEqualTo(covered);
            }
        }
    }

    @Test
    void ids_are_kept_or_new_and_an_id_never_changes_meaning() {
        Scenario.forAll(AdjustmentPropertiesTest::keepsIds);
    }

    private static void keepsIds(Scenario s) {
        if (!(s.adjust() instanceof Adjustment.Applied a)) {
            return;
        }
        List<String> ids = PlanQueries.ids(a.plan());
        assertThat(ids).doesNotHaveDuplicates();
        Map<String, PlanItem> before = byId(s.plan());
        for (PlanItem item : a.plan().items()) {
            PlanItem was = before.get(item.id());
            if (was != null) {
                assertThat(item.kind()).as(item.id()).isEqualTo(was.kind());
            } else {
                assertThat(item.id()).as("a new id").matches(id -> isAddedWorkout(id, s.plan().addedItems())
                        || id.matches("massage-\\d-(light-movement|checkin-48h|aftercare|checkin-24h)")
                        && before.containsKey(SessionItems.sessionOf(id)), "an added workout or a session's own item");
            }
        }
        assertThat(a.plan().addedItems()).isGreaterThanOrEqualTo(s.plan().addedItems());
    }

    @Test
    void a_chain_of_adjustments_never_brings_back_an_id_it_removed() {
        Scenario.forAll(AdjustmentPropertiesTest::neverBringsBackARemovedId);
    }

    private static void neverBringsBackARemovedId(Scenario s) {
        Map<String, ItemKind> seen = new HashMap<>();
        Set<String> gone = new HashSet<>();
        Plan plan = s.plan();
        Assessment assessment = s.assessment();
        plan.items().forEach(i -> seen.put(i.id(), i.kind()));
        for (Operation op : s.ops()) {
            LocalDateTime now = s.nowIn(plan.timeZone());
            if (!(PlanRules.adjust(plan, assessment, List.of(op), now) instanceof Adjustment.Applied a)) {
                continue;
            }
            Set<String> ids = new HashSet<>(PlanQueries.ids(a.plan()));
            plan.items().stream().filter(i -> !ids.contains(i.id()) && i.kind() != ItemKind.LIGHT_MOVEMENT)
                    .forEach(i -> gone.add(i.id()));
            for (PlanItem item : a.plan().items()) {
                assertThat(gone).as("an id removed earlier is back").doesNotContain(item.id());
                assertThat(seen.putIfAbsent(item.id(), item.kind())).as(item.id()).isIn(null, item.kind());
            }
            plan = a.plan();
            assessment = a.assessment();
        }
    }

    @Test
    void a_refused_adjustment_changes_nothing_and_says_why() {
        Scenario.forAll(AdjustmentPropertiesTest::changesNothingOrSaysWhy);
    }

    private static void changesNothingOrSaysWhy(Scenario s) {
        Plan untouched = PlanRules.adjust(s.plan(), s.assessment(), List.of(), s.now()) instanceof Adjustment.Applied a
                ? a.plan() : null;
        Adjustment result = s.adjust();
        assertThat(untouched).isEqualTo(s.plan());
        assertThat(s.adjust()).as("deterministic").isEqualTo(result);
        if (result instanceof Adjustment.Refused r) {
            assertThat(r.refusals()).isNotEmpty().allSatisfy(refusal -> {
                assertThat(refusal.operationIndex()).isBetween(0, s.ops().size() - 1);
                assertThat(refusal.message()).isNotBlank();
                assertThat(refusal.ruleIds()).allMatch(id -> RULE_ID.matcher(id).matches());
            });
        } else {
            Adjustment.Applied a = (Adjustment.Applied) result;
            assertThat(a.overrides()).allSatisfy(o -> {
                assertThat(PlanRules.overridableRules()).contains(o.ruleId());
                assertThat(s.ops().get(o.operationIndex()).override()).contains(o.ruleId());
            });
            Set<String> changed = a.changes().stream().map(Adjustment.ItemChange::itemId).collect(Collectors.toSet());
            Map<String, PlanItem> before = byId(s.plan());
            a.plan().items().stream().filter(i -> !i.equals(before.get(i.id())))
                    .forEach(i -> assertThat(changed).contains(i.id()));
        }
    }

    @Test
    void a_batch_applies_as_its_operations_would_one_after_another_or_not_at_all() {
        Scenario.forAll(AdjustmentPropertiesTest::appliesAsStepsOrNotAtAll);
    }

    private static void appliesAsStepsOrNotAtAll(Scenario s) {
        // a zone change moves "now" between readings of the past; batch and steps then agree by construction only
        PropertyCheck.assume(s.ops().stream().noneMatch(op -> op instanceof Operation.ChangeSchedule c && c.timeZone() != null));
        Plan plan = s.plan();
        Assessment assessment = s.assessment();
        List<Integer> refusedOneByOne = new ArrayList<>();
        for (int i = 0; i < s.ops().size(); i++) {
            if (PlanRules.adjust(plan, assessment, List.of(s.ops().get(i)), s.now()) instanceof Adjustment.Applied a) {
                plan = a.plan();
                assessment = a.assessment();
            } else {
                refusedOneByOne.add(i);
            }
        }
        Adjustment batch = s.adjust();
        if (batch instanceof Adjustment.Applied a) {
            assertThat(refusedOneByOne).isEmpty();
            assertThat(a.plan()).isEqualTo(plan);
            assertThat(a.assessment()).isEqualTo(assessment);
        } else {
            assertThat(((Adjustment.Refused) batch).refusals()).extracting(Adjustment.Refusal::operationIndex)
                    .containsOnlyElementsOf(refusedOneByOne).containsAll(refusedOneByOne);
        }
    }

    private static boolean isAddedWorkout(String id, int addedBefore) {
        return id.startsWith(AdjustmentOperations.ADDED_STRENGTH_PREFIX)
                && Integer.parseInt(id.substring(AdjustmentOperations.ADDED_STRENGTH_PREFIX.length())) > addedBefore;
    }

    private static Map<String, PlanItem> byId(Plan plan) {
        return plan.items().stream().collect(Collectors.toMap(PlanItem::id, i -> i));
    }
}
