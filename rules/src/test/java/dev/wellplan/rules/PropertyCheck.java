package dev.wellplan.rules;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over generated cases, without a property-testing library and without shrinking.
 *
 * <p>The seed is fixed so every build checks the same cases; {@code -Dwellplan.seed=<long>} checks others,
 * {@code -Dwellplan.seed=random} a fresh seed each run. {@code -Dwellplan.cases=<n>} changes how many cases
 * (default {@value #DEFAULT_CASES}); {@code -Dwellplan.case=<i>} replays only case {@code i}. The first case that
 * fails stops the run with an {@link AssertionError} naming the seed, the case and the generated input (its
 * {@code toString}, so inputs should be records of what was drawn, printed compactly).
 *
 * <p>Published in the rules' test-jar, so properties in other modules draw and replay the same way.
 */
public final class PropertyCheck {
    public static final long DEFAULT_SEED = 0x5EED_2025_0001L;
    public static final int DEFAULT_CASES = 2000;

    private PropertyCheck() {
    }

    static long seed() {
        String value = System.getProperty("wellplan.seed", "").trim();
        if (value.isEmpty()) {
            return DEFAULT_SEED;
        }
        return value.equalsIgnoreCase("random") ? System.nanoTime() ^ Runtime.getRuntime().freeMemory() : Long.decode(value);
    }

    static int cases() {
        return Integer.getInteger("wellplan.cases", DEFAULT_CASES);
    }

    /** Draws an input for each case with {@code draw} and checks {@code property} on it. */
    public static <T> void forAll(Function<GeneratedAssessments, T> draw, Consumer<T> property) {
        forAllCounted(draw, (input, tally) -> property.accept(input));
    }

    /**
     * As {@link #forAll}, and {@code property} counts what it saw in a {@link Tally}, printed once when the run
     * ends (with how many cases {@link #assume} skipped), so a run shows which outcomes it actually reached.
     */
    public static <T> void forAllCounted(Function<GeneratedAssessments, T> draw, BiConsumer<T, Tally> property) {
        String[] caller = caller();
        long seed = seed();
        String only = System.getProperty("wellplan.case", "").trim();
        int from = only.isEmpty() ? 0 : Integer.parseInt(only);
        int to = only.isEmpty() ? cases() : from + 1;
        Tally tally = new Tally();
        int skipped = 0;
        for (int index = from; index < to; index++) {
            T input = null;
            try {
                // drawn inside the try: a generator that runs the rules (a chain of adjustments) may fail too
                input = draw.apply(GeneratedAssessments.forCase(seed, index));
                property.accept(input, tally);
            } catch (Skipped e) {
                skipped++;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(String.format(
                        "%s failed at seed=%d case=%d (cases %d..%d)%n  replay: -Dtest=%s#%s -Dwellplan.seed=%d -Dwellplan.case=%d%n"
                                + "  input: %s%n  failure: %s",
                        caller[1], seed, index, from, to - 1, caller[0], caller[1], seed, index,
                        input == null ? "(failed while drawing)" : input, e.getMessage()), e);
            }
        }
        if (!tally.isEmpty() || skipped > 0) {
            System.out.printf("%s#%s: %d cases, %d checked, %d skipped by assumption (seed=%d)%n%s", caller[0],
                    caller[1], to - from, to - from - skipped, skipped, seed, tally.report());
        }
    }

    /** Skips the case unless {@code condition} holds: it counts as drawn, not as checked. */
    public static void assume(boolean condition) {
        if (!condition) {
            throw new Skipped();
        }
    }

    /**
     * The test class and method that runs the property: the first frame of a class named like a test (generators
     * such as {@link Scenario#forAll} sit between), else the first frame outside this class.
     */
    private static String[] caller() {
        StackWalker.StackFrame frame = StackWalker.getInstance().walk(frames -> {
            var outside = frames.filter(f -> !f.getClassName().equals(PropertyCheck.class.getName())).toList();
            return outside.stream().filter(f -> f.getClassName().endsWith("Test")).findFirst()
                    .orElse(outside.get(0));
        });
        String type = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
        return new String[] {type, frame.getMethodName()};
    }

    private static final class Skipped extends RuntimeException {
        Skipped() {
            super("skipped by assumption", null, false, false);
        }
    }
}
