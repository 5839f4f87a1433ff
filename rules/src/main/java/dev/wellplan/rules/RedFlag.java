package dev.wellplan.rules;

/** The screening items of SAFE-1; any one of them puts the plan behind the safety gate. */
public enum RedFlag {
    NUMBNESS, TINGLING, LEG_WEAKNESS, BLADDER_BOWEL_CHANGE, SADDLE_NUMBNESS, FEVER, RECENT_TRAUMA,
    UNEXPLAINED_WEIGHT_LOSS
}
