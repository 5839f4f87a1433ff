package dev.wellplan.rules;

/** A refused input: {@code field} is a JSON path such as "pain.intensity" or "items[3].massage.type". */
public record Violation(String field, String message) {}
