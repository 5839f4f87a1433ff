package dev.wellplan.rules;

/** The stable rule ids of rules.md, as attached to {@link PlanItem#rules()}. */
public final class RuleIds {
    public static final String SAFE_1 = "SAFE-1";
    public static final String SAFE_2 = "SAFE-2";
    public static final String SAFE_3 = "SAFE-3";
    public static final String SAFE_4 = "SAFE-4";
    public static final String MAS_1 = "MAS-1";
    public static final String MAS_2 = "MAS-2";
    public static final String MAS_3 = "MAS-3";
    public static final String MAS_4 = "MAS-4";
    public static final String MAS_5 = "MAS-5";
    public static final String MAS_6 = "MAS-6";
    public static final String AFT_1 = "AFT-1";
    public static final String AFT_2 = "AFT-2";
    public static final String AFT_3 = "AFT-3";
    public static final String AFT_4 = "AFT-4";
    public static final String ACT_1 = "ACT-1";
    public static final String ACT_2 = "ACT-2";
    public static final String ACT_3 = "ACT-3";
    public static final String ACT_4 = "ACT-4";
    public static final String LIF_1 = "LIF-1";
    public static final String LIF_2 = "LIF-2";
    public static final String LIF_3 = "LIF-3";

    private RuleIds() {
    }
}
