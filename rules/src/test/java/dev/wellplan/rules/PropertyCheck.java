package dev.wellplan.rules;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over generated cases, without a property-testing library and without shrinking.
 *
 * <p>The seed is fixed so every build checks the same cases; {@code -Dwellplan.seed=<long>} checks others,
 * {@code -Dwellplan.seed=random} a fresh seed each run. {@code -Dwellplan.cases=<n>} changes how many cases
 * (default {@value #DEFAULT_CASES}); {@code -Dwellplan.case=<i>} replays only case {@code i}. The first case that
 * fails stops the run with an {@link AssertionError} naming the seed, the case and the generated input.
 */
final class PropertyCheck {
    static final long DEFAULT_SEED = 0x5EED_2025_0001L;
    static final int DEFAULT_CASES = 2000;

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

    /**
     * Draws an input for each case with {@code draw} and checks {@code property} on it. The input's
     * {@code toString} goes into the failure message, so inputs should be records of what was drawn.
     */
    static <T> void forAll(Function<GeneratedAssessments, T> draw, Consumer<T> property) {
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow();
        String test = caller.getClassName().substring(caller.getClassName().lastIndexOf('.') + 1);
        String name = caller.getMethodName();
        long seed = seed();
        String only = System.getProperty("wellplan.case", "").trim();
        int from = only.isEmpty() ? 0 : Integer.parseInt(only);
        int to = only.isEmpty() ? cases() : from + 1;
        for (int index = from; index < to; index++) {
            T input = draw.apply(GeneratedAssessments.forCase(seed, index));
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(String.format(
                        "%s failed at seed=%d case=%d (cases %d..%d)%n  replay: -Dtest=%s#%s -Dwellplan.seed=%d -Dwellplan.case=%d%n"
                                + "  input: %s%n  failure: %s",
                        name, seed, index, from, to - 1, test, name, seed, index,
                        input, e.getMessage()), e);
            }
        }
    }
}
