package dev.wellplan.rules;

import java.time.ZoneId;

/** Who the plan is for; every local time of the plan is read in {@code timeZone} (LIF-1). */
public record Client(String name, String email, ZoneId timeZone) {}
