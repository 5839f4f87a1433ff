package dev.wellplan.rules;

public enum MassageType { SWEDISH, DEEP_TISSUE }
