package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.of;
import static dev.wellplan.rules.PlanQueries.sessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SafetyRulesTest {

    @ParameterizedTest
    @EnumSource(RedFlag.class)
    void SAFE_1_any_red_flag_awaits_clearance_with_no_massage(RedFlag flag) {
        Plan plan = AssessmentBuilder.ana().redFlags(flag).plan();

        assertThat(plan.status()).isEqualTo(PlanStatus.AWAITING_CLEARANCE);
        assertThat(sessions(plan)).isEmpty();
        assertThat(of(plan, ItemKind.CLEARANCE)).singleElement()
                .satisfies(c -> assertThat(c.rules()).contains(RuleIds.SAFE_1, RuleIds.SAFE_3));
        assertThat(plan.urgency()).isNotEqualTo(Urgency.NONE);
    }

    @ParameterizedTest
    @CsvSource({
            "BLADDER_BOWEL_CHANGE,    SEEK_CARE_TODAY, Seek care today",
            "SADDLE_NUMBNESS,         SEEK_CARE_TODAY, Seek care today",
            "NUMBNESS,                SEE_DOCTOR,      Please see a doctor",
            "TINGLING,                SEE_DOCTOR,      Please see a doctor",
            "LEG_WEAKNESS,            SEE_DOCTOR,      Please see a doctor",
            "FEVER,                   SEE_DOCTOR,      Please see a doctor",
            "RECENT_TRAUMA,           SEE_DOCTOR,      Please see a doctor",
            "UNEXPLAINED_WEIGHT_LOSS, SEE_DOCTOR,      Please see a doctor"})
    void SAFE_1_urgent_flags_say_seek_care_today(RedFlag flag, Urgency urgency, String firstWords) {
        Plan plan = AssessmentBuilder.ana().redFlags(flag).plan();

        assertThat(plan.urgency()).isEqualTo(urgency);
        assertThat(plan.guidance().get(0)).startsWith(firstWords);
    }

    @Test
    void SAFE_1_urgent_flag_wins_over_a_milder_one() {
        Plan plan = AssessmentBuilder.ana().redFlags(RedFlag.TINGLING, RedFlag.SADDLE_NUMBNESS).plan();

        assertThat(plan.urgency()).isEqualTo(Urgency.SEEK_CARE_TODAY);
    }

    @Test
    void SAFE_1_no_red_flag_no_gate() {
        Plan plan = AssessmentBuilder.ana().plan();

        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.urgency()).isEqualTo(Urgency.NONE);
        assertThat(of(plan, ItemKind.CLEARANCE)).isEmpty();
        assertThat(plan.guidance()).anyMatch(g -> g.contains("numbness, tingling or weakness in your legs"));
    }

    @ParameterizedTest
    @CsvSource({"SUSPECTED_DISC, AWAITING_CLEARANCE", "RADIATING_LEG, AWAITING_CLEARANCE",
            "NON_SPECIFIC, ACTIVE", "STRESS_TENSION, ACTIVE", "MUSCLE_KNOTS, ACTIVE"})
    void SAFE_2_disc_signs_wait_for_clearance(PainPattern pattern, PlanStatus status) {
        Plan plan = AssessmentBuilder.ana().pattern(pattern).plan();

        assertThat(plan.status()).isEqualTo(status);
        assertThat(plan.urgency()).isEqualTo(status == PlanStatus.ACTIVE ? Urgency.NONE : Urgency.SEE_DOCTOR);
    }

    @ParameterizedTest
    @CsvSource({"SUSPECTED_DISC, SWEDISH", "RADIATING_LEG, SWEDISH", "MUSCLE_KNOTS, DEEP_TISSUE"})
    void SAFE_2_never_deep_tissue_even_after_clearance(PainPattern pattern, MassageType expected) {
        Assessment a = AssessmentBuilder.knots().pattern(pattern).pressure(Pressure.FIRM).redFlags(RedFlag.FEVER).build();
        Plan cleared = PlanRules.clear(PlanRules.createPlan(a), a, a.startDate());

        assertThat(sessions(cleared)).hasSize(2).allSatisfy(s -> assertThat(s.massage().type()).isEqualTo(expected));
    }

    @Test
    void SAFE_3_clearance_activates_and_schedules_massage_from_the_clearance_date() {
        Assessment a = AssessmentBuilder.ana().pattern(PainPattern.SUSPECTED_DISC).build();
        LocalDate clearedOn = a.startDate().plusDays(5);

        Plan plan = PlanRules.clear(PlanRules.createPlan(a), a, clearedOn);

        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.urgency()).isEqualTo(Urgency.NONE);
        assertThat(plan.startDate()).isEqualTo(clearedOn);
        assertThat(plan.endDate()).isEqualTo(clearedOn.plusDays(27));
        assertThat(of(plan, ItemKind.CLEARANCE)).isEmpty();
        assertThat(sessions(plan)).hasSize(2).allSatisfy(s -> {
            assertThat(s.start().toLocalDate()).isAfterOrEqualTo(clearedOn);
            assertThat(s.rules()).contains(RuleIds.SAFE_2, RuleIds.SAFE_3);
        });
    }

    @Test
    void SAFE_3_clearance_recorded_before_the_start_keeps_the_start_date() {
        Assessment a = AssessmentBuilder.ana().redFlags(RedFlag.FEVER).build();

        Plan plan = PlanRules.clear(PlanRules.createPlan(a), a, a.startDate().minusDays(3));

        assertThat(plan.startDate()).isEqualTo(a.startDate());
    }

    @Test
    void SAFE_3_only_a_plan_awaiting_clearance_can_be_cleared() {
        Assessment a = AssessmentBuilder.ana().build();

        assertThatThrownBy(() -> PlanRules.clear(PlanRules.createPlan(a), a, a.startDate()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void SAFE_4_refuses_deep_tissue_for_a_disc_even_after_clearance() {
        Assessment disc = AssessmentBuilder.ana().pattern(PainPattern.RADIATING_LEG).build();
        Plan current = PlanRules.clear(PlanRules.createPlan(disc), disc, disc.startDate());
        Plan edited = withDeepTissue(current);

        assertThat(PlanRules.checkEdit(current, edited, disc))
                .hasSize(2) // one per session
                .allSatisfy(v -> {
                    assertThat(v.field()).matches("items\\[\\d+]\\.massage\\.type");
                    assertThat(v.message()).contains("SAFE-2");
                });
    }

    @Test
    void SAFE_4_allows_deep_tissue_without_disc_signs() {
        Assessment a = AssessmentBuilder.ana().build();
        Plan current = PlanRules.createPlan(a);

        assertThat(PlanRules.checkEdit(current, withDeepTissue(current), a)).isEmpty();
    }

    @Test
    void SAFE_4_refuses_massage_while_awaiting_clearance() {
        Assessment a = AssessmentBuilder.ana().redFlags(RedFlag.NUMBNESS).build();
        Plan current = PlanRules.createPlan(a);
        List<PlanItem> items = new ArrayList<>(current.items());
        items.add(SessionItems.massage("massage-1", a.startDate().atTime(10, 0),
                new Massage(MassageType.SWEDISH, Pressure.LIGHT, 60), List.of(RuleIds.MAS_1)));
        Plan edited = new Plan(current.status(), current.timeZone(), current.startDate(), current.endDate(), items,
                current.guidance(), current.unmetPreferences(), current.urgency());

        assertThat(PlanRules.checkEdit(current, edited, a))
                .extracting(Violation::message).singleElement().asString().contains("awaits medical clearance");
        assertThat(PlanRules.checkEdit(current, current, a)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, 1", "PAUSED, 1", "COMPLETED, 1", "CANCELLED, 0", "AWAITING_CLEARANCE, 0"})
    void SAFE_4_only_clearance_lifts_the_gate(PlanStatus editedStatus, int violations) {
        Assessment a = AssessmentBuilder.ana().redFlags(RedFlag.FEVER).build();
        Plan current = PlanRules.createPlan(a);
        Plan edited = new Plan(editedStatus, current.timeZone(), current.startDate(), current.endDate(),
                current.items(), current.guidance(), current.unmetPreferences(), current.urgency());

        assertThat(PlanRules.checkEdit(current, edited, a)).hasSize(violations);
    }

    private static Plan withDeepTissue(Plan plan) {
        List<PlanItem> items = plan.items().stream().map(i -> i.kind() != ItemKind.MASSAGE ? i
                : new PlanItem(i.id(), i.kind(), i.start(), i.durationMinutes(), i.title(),
                new Massage(MassageType.DEEP_TISSUE, i.massage().pressure(), i.massage().bufferMinutes()),
                i.exercises(), i.rules())).toList();
        return new Plan(plan.status(), plan.timeZone(), plan.startDate(), plan.endDate(), items, plan.guidance(),
                plan.unmetPreferences(), plan.urgency());
    }
}
