package dev.wellplan.rules;

/** The posterior chain of ACT-1. */
public enum Target { GLUTES, HAMSTRINGS, ERECTOR_SPINAE }
