package dev.wellplan.rules;

public enum PainArea { LOWER_BACK, MID_BACK, UPPER_BACK, NECK_SHOULDERS }
