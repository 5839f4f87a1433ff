package dev.wellplan.rules;

/** MUSCLE_KNOTS is chronic adhesion; RADIATING_LEG is sciatica; both disc patterns trigger SAFE-2. */
public enum PainPattern { NON_SPECIFIC, STRESS_TENSION, MUSCLE_KNOTS, RADIATING_LEG, SUSPECTED_DISC }
