package dev.wellplan.rules;

/** A professional session's details; {@code bufferMinutes} after it stay free (MAS-5). */
public record Massage(MassageType type, Pressure pressure, int bufferMinutes) {}
