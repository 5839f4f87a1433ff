package dev.wellplan.rules;

/** SAFE-1: how urgently the client must see a doctor before the plan can go on. */
public enum Urgency { NONE, SEE_DOCTOR, SEEK_CARE_TODAY }
