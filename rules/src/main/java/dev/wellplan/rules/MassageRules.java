package dev.wellplan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** MAS-2..4: what kind of session, how long, how firm, and the buffer after it. */
public final class MassageRules {
    public static final int DEFAULT_MINUTES = 50;
    public static final int MIN_MINUTES = 45;
    public static final int MAX_MINUTES = 60;
    /** One hour keeps MAS-5's "one to two hours free" and puts aftercare "about an hour after" (AFT-1). */
    public static final int DEFAULT_BUFFER_MINUTES = 60;
    public static final int MIN_BUFFER_MINUTES = 60;
    public static final int MAX_BUFFER_MINUTES = 120;

    private MassageRules() {
    }

    /**
     * MAS-3. Disc signs never get deep tissue (SAFE-2). Stress-driven pain gets Swedish even with knots:
     * deep tissue is "not always relaxing", which defeats the point. Knots at a LIGHT comfort level get
     * Swedish too, because deep tissue means slow, firm strokes and MAS-4 starts at the client's comfort.
     */
    public static MassageType type(Pain pain, Pressure pressure) {
        if (SafetyGate.discSigns(pain)) {
            return MassageType.SWEDISH;
        }
        boolean knots = pain.pattern() == PainPattern.MUSCLE_KNOTS;
        return knots && !stressDriven(pain) && pressure != Pressure.LIGHT ? MassageType.DEEP_TISSUE : MassageType.SWEDISH;
    }

    /** MAS-4: the client's stated comfort, MEDIUM when not stated. */
    public static Pressure pressure(Preferences preferences) {
        return preferences.pressure() == null ? Pressure.MEDIUM : preferences.pressure();
    }

    /** The session an assessment gets by default. */
    public static Massage massageFor(Assessment a) {
        Pressure pressure = pressure(a.preferences());
        return new Massage(type(a.pain(), pressure), pressure, DEFAULT_BUFFER_MINUTES);
    }

    /** AFT-3: one step lighter; LIGHT stays LIGHT. */
    public static Pressure lower(Pressure pressure) {
        return pressure == Pressure.FIRM ? Pressure.MEDIUM : Pressure.LIGHT;
    }

    static boolean stressDriven(Pain pain) {
        Set<PainDriver> drivers = pain.drivers();
        return pain.pattern() == PainPattern.STRESS_TENSION
                || drivers.contains(PainDriver.STRESS) || drivers.contains(PainDriver.ANXIETY);
    }

    /** Rule ids behind a massage item. */
    static List<String> rules(Pain pain, boolean cleared) {
        List<String> ids = new ArrayList<>(List.of(RuleIds.MAS_1, RuleIds.MAS_2, RuleIds.MAS_3, RuleIds.MAS_4,
                RuleIds.MAS_5, RuleIds.AFT_4, RuleIds.ACT_4));
        if (SafetyGate.discSigns(pain)) {
            ids.add(RuleIds.SAFE_2);
        }
        if (cleared) {
            ids.add(RuleIds.SAFE_3);
        }
        return List.copyOf(ids);
    }
}
