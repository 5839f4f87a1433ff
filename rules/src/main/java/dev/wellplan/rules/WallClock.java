package dev.wellplan.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Places wall-clock times in the client's zone. Items stay local times, so a plan crossing a DST
 * change keeps "07:30" as 07:30. A time that does not exist (the spring-forward gap) moves forward by
 * the gap, as a wall clock would show it, so every item start is a real local time.
 */
final class WallClock {
    private final ZoneRules rules;
    private final boolean hasGap;

    private WallClock(ZoneRules rules, boolean hasGap) {
        this.rules = rules;
        this.hasGap = hasGap;
    }

    /** Scans the zone's transitions between the two dates once; most plans cross no gap at all. */
    static WallClock of(ZoneId zone, LocalDate from, LocalDate to) {
        ZoneRules rules = zone.getRules();
        var limit = to.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition t = rules.nextTransition(from.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));
        while (t != null && t.getInstant().isBefore(limit)) {
            if (t.isGap()) {
                return new WallClock(rules, true);
            }
            t = rules.nextTransition(t.getInstant());
        }
        return new WallClock(rules, false);
    }

    LocalDateTime at(LocalDate date, LocalTime time) {
        return valid(LocalDateTime.of(date, time));
    }

    LocalDateTime valid(LocalDateTime local) {
        if (!hasGap) {
            return local;
        }
        ZoneOffsetTransition t = rules.getTransition(local);
        return t != null && t.isGap() ? local.plus(t.getDuration()) : local;
    }
}
