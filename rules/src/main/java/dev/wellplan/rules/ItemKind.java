package dev.wellplan.rules;

/**
 * What a plan item is. LIGHT_MOVEMENT is the easy walk and mobility that replaces a strength
 * workout on the day after a deep-tissue session (MAS-6).
 */
public enum ItemKind { MASSAGE, STRENGTH, SELF_MASSAGE, AFTERCARE, CHECK_IN, CLEARANCE, REVIEW, LIGHT_MOVEMENT }
