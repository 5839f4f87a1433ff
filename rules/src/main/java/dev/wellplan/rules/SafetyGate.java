package dev.wellplan.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** SAFE-1/2: the gate that runs first, on enrollment, on every check-in and on every coach edit. */
public final class SafetyGate {
    private static final Set<RedFlag> URGENT = EnumSet.of(RedFlag.BLADDER_BOWEL_CHANGE, RedFlag.SADDLE_NUMBNESS);

    private SafetyGate() {
    }

    /** SAFE-2: a suspected disc or sciatica; no massage without clearance, never deep tissue. */
    public static boolean discSigns(Pain pain) {
        return pain.pattern() == PainPattern.SUSPECTED_DISC || pain.pattern() == PainPattern.RADIATING_LEG;
    }

    /** True when the plan must wait for a recorded medical clearance (SAFE-1, or SAFE-2 via SAFE-1's path). */
    public static boolean needsClearance(Assessment a) {
        return !a.redFlags().isEmpty() || discSigns(a.pain());
    }

    /** SAFE-1: bladder/bowel change or saddle numbness means "seek care today", not "book a doctor". */
    public static Urgency urgency(Collection<RedFlag> flags) {
        if (flags.stream().anyMatch(URGENT::contains)) {
            return Urgency.SEEK_CARE_TODAY;
        }
        return flags.isEmpty() ? Urgency.NONE : Urgency.SEE_DOCTOR;
    }

    /** Urgency of an assessment: disc signs alone still mean "see a doctor first". */
    public static Urgency urgency(Assessment a) {
        Urgency byFlags = urgency(a.redFlags());
        return byFlags == Urgency.NONE && discSigns(a.pain()) ? Urgency.SEE_DOCTOR : byFlags;
    }

    /** The rule ids that closed the gate, for the clearance task's rationale. */
    static List<String> reasons(Assessment a) {
        List<String> ids = new ArrayList<>(3);
        if (!a.redFlags().isEmpty()) {
            ids.add(RuleIds.SAFE_1);
        }
        if (discSigns(a.pain())) {
            ids.add(RuleIds.SAFE_2);
        }
        ids.add(RuleIds.SAFE_3);
        return List.copyOf(ids);
    }
}
