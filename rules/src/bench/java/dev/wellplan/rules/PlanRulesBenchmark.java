package dev.wellplan.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Plans per second from {@link PlanRules#createPlan}, one thread, over a mix of ACTIVE assessments
 * (Swedish with self-massage, deep tissue, a DST-crossing plan, four strength days, no equipment).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PlanRulesBenchmark {
    private Assessment[] assessments;
    private int next;

    @Setup
    public void setUp() {
        assessments = new Assessment[] {
                AssessmentBuilder.ana().build(),
                AssessmentBuilder.knots().pressure(Pressure.FIRM).exerciseDays(4).build(),
                AssessmentBuilder.ana().zone("Europe/Berlin").start(LocalDate.of(2026, 3, 23))
                        .massageDays(DayOfWeek.SUNDAY).highStressDays().massageTime(LocalTime.of(2, 30)).build(),
                AssessmentBuilder.ana().equipment().exerciseDays(2).zone("America/New_York").build()};
    }

    @Benchmark
    public Plan createPlan() {
        next = (next + 1) & 3;
        return PlanRules.createPlan(assessments[next]);
    }
}
