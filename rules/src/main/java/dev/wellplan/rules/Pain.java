package dev.wellplan.rules;

import java.util.Set;

/** The pain as the client describes it: intensity 0-10, duration in weeks. */
public record Pain(PainArea area, int intensity, int weeks, PainPattern pattern, Set<PainDriver> drivers) {}
