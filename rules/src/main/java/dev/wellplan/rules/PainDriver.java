package dev.wellplan.rules;

public enum PainDriver { STRESS, ANXIETY, POSTURE, PROLONGED_SITTING, LIFTING, SPORT, POOR_SLEEP, UNKNOWN }
