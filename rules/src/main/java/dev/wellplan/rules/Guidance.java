package dev.wellplan.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The client-facing lines of a plan and its reminders; the rules say what, this says it plainly. */
public final class Guidance {
    static final String MOVEMENT = "Massage is passive relief; movement treats the cause. Treat each session as the "
            + "primer for the walk and the exercises that follow it.";                                    // ACT-4
    static final String SPEAK_UP = "Speak up during a session if the pressure is too hard: \"no pain, no gain\" is wrong "
            + "here. Deep tissue is not always relaxing, but it should never make you tense up.";          // AFT-4, MAS-4
    static final String HYDRATE = "About an hour after each session, drink water and move your joints through their "
            + "full range of motion.";                                                                  // AFT-1
    static final String SORENESS = "Slight soreness the next day is normal. If it is still there after 48 hours, tell "
            + "us: the pressure was likely too intense, and the next session will be lighter.";          // AFT-2/3
    static final String SEE_DOCTOR_IF = "See a doctor if numbness, tingling or weakness in your legs appears; seek care "
            + "the same day for new bladder or bowel changes or numbness in the saddle area.";          // SAFE-1
    static final String SELF_MASSAGE = "Self-massage works on muscles only: never roll or press straight on the spine.";
    static final String DISC = "Because of signs of a disc problem or pain down the leg, your sessions are never deep "
            + "tissue.";                                                                                // SAFE-2
    static final String FOLLOW_UP = "Benefits fade after about six months if the cause is not addressed: at the end you "
            + "get a summary and an offer of a follow-up plan.";                                         // LIF-2
    static final String SEEK_CARE_TODAY = "Seek care today: new bladder or bowel changes or numbness in the saddle area "
            + "need urgent medical attention. Go to an emergency department or call emergency services now.";
    static final String SEE_DOCTOR_FIRST = "Please see a doctor before you start: some of your answers need a medical "
            + "check first.";
    static final String WAITING = "No massage is booked and your exercises wait until your coach records your doctor's "
            + "clearance; your plan starts from then.";
    static final String DISC_WAITING = "Signs of a disc problem or pain down the leg need medical clearance before any "
            + "massage, and even then it will never be deep tissue.";

    private Guidance() {
    }

    static List<String> active(boolean selfMassage, boolean discSigns) {
        List<String> lines = new ArrayList<>(List.of(MOVEMENT, SPEAK_UP, HYDRATE, SORENESS, SEE_DOCTOR_IF));
        if (selfMassage) {
            lines.add(SELF_MASSAGE);
        }
        if (discSigns) {
            lines.add(DISC);
        }
        lines.add(FOLLOW_UP);
        return lines;
    }

    /** SAFE-1/2: the urgent wording first when the flags call for it. */
    static List<String> awaiting(Set<RedFlag> flags, boolean discSigns) {
        List<String> lines = new ArrayList<>(4);
        lines.add(SafetyGate.urgency(flags) == Urgency.SEEK_CARE_TODAY ? SEEK_CARE_TODAY : SEE_DOCTOR_FIRST);
        lines.add(WAITING);
        if (discSigns) {
            lines.add(DISC_WAITING);
        }
        lines.add(SEE_DOCTOR_IF);
        return lines;
    }

    /** The line a reminder for this item carries: the pre-session one always says "speak up" (AFT-4). */
    public static String forItem(PlanItem item) {
        return switch (item.kind()) {
            case MASSAGE -> SPEAK_UP + " " + MOVEMENT;
            case AFTERCARE, LIGHT_MOVEMENT -> HYDRATE;
            case CHECK_IN -> SORENESS + " " + SEE_DOCTOR_IF;
            case SELF_MASSAGE -> SELF_MASSAGE;
            case STRENGTH -> MOVEMENT;
            case CLEARANCE -> SEE_DOCTOR_FIRST;
            case REVIEW -> FOLLOW_UP;
        };
    }
}
