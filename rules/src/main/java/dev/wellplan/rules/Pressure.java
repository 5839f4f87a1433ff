package dev.wellplan.rules;

public enum Pressure { LIGHT, MEDIUM, FIRM }
