package dev.wellplan.rules;

import static dev.wellplan.rules.PlanQueries.days;
import static dev.wellplan.rules.PlanQueries.ids;
import static dev.wellplan.rules.PlanQueries.intruders;
import static dev.wellplan.rules.PlanQueries.of;
import static dev.wellplan.rules.PlanQueries.sessions;
import static dev.wellplan.rules.PlanQueries.week;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The invariants of rules.md over generated assessments, both fresh plans and plans after clearance.
 * Each property runs over {@link PropertyCheck#DEFAULT_CASES} cases of {@link GeneratedAssessments}; a failure
 * names the seed and the case to replay (see {@link PropertyCheck}).
 */
class PlanPropertiesTest {
    private static final Pattern RULE_ID = Pattern.compile("(SAFE|MAS|AFT|ACT|LIF)-\\d");

    /** An assessment and the day a clearance is recorded (ignored when the plan is ACTIVE from the start). */
    record Cleared(Assessment a, LocalDate clearedOn) {
        static Cleared any(GeneratedAssessments g) {
            return new Cleared(g.any(), g.date());
        }

        static Cleared gated(GeneratedAssessments g) {
            return new Cleared(g.gated(), g.date());
        }
    }

    /** An ACTIVE plan's assessment and the red flags a +24 h check-in after the second session reports. */
    record Flagged(Assessment a, Set<RedFlag> flags) {
        static Flagged open(GeneratedAssessments g) {
            return new Flagged(g.open(), g.someRedFlags());
        }
    }

    /** The plan that runs: a fresh ACTIVE one, or the one a clearance on {@code clearedOn} makes. */
    private static Plan running(Assessment a, LocalDate clearedOn) {
        Plan plan = PlanRules.createPlan(a);
        return plan.status() == PlanStatus.ACTIVE ? plan : PlanRules.clear(plan, a, clearedOn);
    }

    @Test
    void MAS_1_two_sessions_exactly_fourteen_days_apart_when_active() {
        PropertyCheck.forAll(Cleared::any, c -> {
            Plan plan = running(c.a(), c.clearedOn());
            assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
            assertThat(sessions(plan)).hasSize(2);
            LocalDate first = sessions(plan).get(0).start().toLocalDate();
            assertThat(ChronoUnit.DAYS.between(first, sessions(plan).get(1).start().toLocalDate())).isEqualTo(14);
            assertThat(week(plan, sessions(plan).get(0))).isEqualTo(1);
            assertThat(week(plan, sessions(plan).get(1))).isEqualTo(3);
        });
    }

    @Test
    void SAFE_1_no_massage_while_awaiting_clearance() {
        PropertyCheck.forAll(GeneratedAssessments::gated, a -> {
            Plan plan = PlanRules.createPlan(a);

            assertThat(plan.status()).isEqualTo(PlanStatus.AWAITING_CLEARANCE);
            assertThat(plan.items()).noneMatch(i -> i.kind() == ItemKind.MASSAGE || i.massage() != null);
            assertThat(of(plan, ItemKind.CLEARANCE)).hasSize(1);
            assertThat(plan.urgency()).isNotEqualTo(Urgency.NONE);
        });
    }

    @Test
    void SAFE_2_never_deep_tissue_with_disc_signs() {
        PropertyCheck.forAll(Cleared::gated, c -> {
            Assessment a = c.a();
            Plan plan = PlanRules.clear(PlanRules.createPlan(a), a, c.clearedOn());

            if (SafetyGate.discSigns(a.pain())) {
                assertThat(sessions(plan)).allMatch(s -> s.massage().type() == MassageType.SWEDISH);
            }
            assertThat(PlanRules.checkEdit(plan, plan, a)).isEmpty();
        });
    }

    @Test
    void MAS_5_never_on_a_high_stress_day() {
        PropertyCheck.forAll(GeneratedAssessments::open, a -> {
            Plan plan = PlanRules.createPlan(a);

            assertThat(days(sessions(plan))).noneMatch(d -> a.preferences().highStressDays().contains(d.getDayOfWeek()));
            boolean preferredPossible = a.preferences().massageDays().stream()
                    .anyMatch(d -> !a.preferences().highStressDays().contains(d));
            boolean onPreferred = days(sessions(plan)).stream()
                    .allMatch(d -> a.preferences().massageDays().contains(d.getDayOfWeek()));
            assertThat(onPreferred || !preferredPossible).isTrue();
            assertThat(plan.unmetPreferences().isEmpty())
                    .isEqualTo(preferredPossible || a.preferences().massageDays().isEmpty());
        });
    }

    @Test
    void MAS_5_buffer_after_each_session_stays_empty() {
        PropertyCheck.forAll(Cleared::any, c -> {
            Plan plan = running(c.a(), c.clearedOn());
            assertThat(sessions(plan)).allSatisfy(s -> {
                assertThat(s.massage().bufferMinutes()).isBetween(60, 120);
                assertThat(intruders(plan, s)).isEmpty();
            });
        });
    }

    @Test
    void MAS_6_no_strength_on_a_massage_day_nor_after_deep_tissue() {
        PropertyCheck.forAll(Cleared::any, c -> {
            Plan plan = running(c.a(), c.clearedOn());
            Set<LocalDate> strength = days(of(plan, ItemKind.STRENGTH));

            assertThat(strength).doesNotContainAnyElementsOf(days(sessions(plan)));
            sessions(plan).stream().filter(s -> s.massage().type() == MassageType.DEEP_TISSUE)
                    .forEach(s -> assertThat(strength).doesNotContain(s.start().toLocalDate().plusDays(1)));
        });
    }

    @Test
    void ACT_1_all_three_targets_every_week() {
        PropertyCheck.forAll(Cleared::any, c -> {
            Plan plan = running(c.a(), c.clearedOn());
            for (int week = 1; week <= 4; week++) {
                int w = week;
                Set<Target> targets = EnumSet.noneOf(Target.class);
                of(plan, ItemKind.STRENGTH).stream().filter(i -> week(plan, i) == w)
                        .forEach(i -> i.exercises().forEach(e -> targets.addAll(e.targets())));
                assertThat(targets).as("week %d", w).containsExactlyInAnyOrder(Target.values());
            }
        });
    }

    @Test
    void LIF_1_every_item_inside_the_four_weeks_with_a_rule_id() {
        PropertyCheck.forAll(Cleared::any, c -> {
            Plan plan = running(c.a(), c.clearedOn());
            assertThat(plan.endDate()).isEqualTo(plan.startDate().plusDays(27));
            assertThat(plan.items()).allSatisfy(i -> {
                assertThat(i.start().toLocalDate()).isBetween(plan.startDate(), plan.endDate());
                assertThat(i.rules()).isNotEmpty().allMatch(r -> RULE_ID.matcher(r).matches());
                assertThat(i.massage() != null).isEqualTo(i.kind() == ItemKind.MASSAGE);
                assertThat(i.exercises().isEmpty())
                        .isEqualTo(i.kind() != ItemKind.STRENGTH && i.kind() != ItemKind.SELF_MASSAGE);
            });
        });
    }

    @Test
    void LIF_1_every_start_is_a_real_local_time_in_the_clients_zone() {
        PropertyCheck.forAll(Cleared::any, c -> {
            Plan plan = running(c.a(), c.clearedOn());
            assertThat(plan.items()).allSatisfy(i ->
                    assertThat(i.start().atZone(plan.timeZone()).toLocalDateTime()).isEqualTo(i.start()));
        });
    }

    @Test
    void ids_are_unique_and_stable() {
        PropertyCheck.forAll(GeneratedAssessments::open, a -> {
            Plan plan = PlanRules.createPlan(a);

            assertThat(ids(plan)).doesNotHaveDuplicates().allMatch(id -> id.length() <= 32);
            assertThat(PlanRules.createPlan(a)).isEqualTo(plan);
        });
    }

    @Test
    void LIF_3_a_red_flag_in_any_check_in_removes_every_massage() {
        PropertyCheck.forAll(Flagged::open, f -> {
            Assessment a = f.a();
            Plan plan = PlanRules.createPlan(a);
            Plan waiting = PlanRules.checkIn(plan, CheckIn.reply("massage-2", 24, 1, 1, f.flags())).plan();

            assertThat(waiting.status()).isEqualTo(PlanStatus.AWAITING_CLEARANCE);
            assertThat(sessions(waiting)).isEmpty();
            LocalDateTime reported = sessions(plan).get(1).start().plusHours(24);
            assertThat(waiting.items()).filteredOn(i -> i.kind() != ItemKind.REVIEW && i.kind() != ItemKind.CLEARANCE)
                    .allMatch(i -> i.start().isBefore(reported));
            assertThat(PlanRules.checkEdit(waiting, waiting, a)).isEmpty();
        });
    }
}
