package dev.wellplan.planner.roster.app;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import dev.wellplan.planner.alert.app.AlertKind;
import dev.wellplan.planner.refusal.Refusal;
import dev.wellplan.planner.roster.store.RosterDao;
import dev.wellplan.rules.PlanStatus;
import dev.wellplan.rules.Violation;
import dev.wellplan.support.TransactionHandles;

/**
 * The coach's list of plans: their own, the clinic's unassigned pool, or (for an admin) every plan; by status, and by
 * the alerts they have open.
 */
@ApplicationScoped
public class Roster {

    public static final int MAX_PAGE_SIZE = 200;

    /** Whose plans: a coach sees {@code MINE} and {@code UNASSIGNED}; an admin sees {@code ALL} too. */
    public enum Scope { MINE, UNASSIGNED, ALL }

    /** One page of the roster, {@code page} counted from 1, with how many plans match in all. */
    public record Page(int page, int size, long total, List<Line> plans) {
    }

    /** One plan on the roster: whose (a coach's id, null for the pool), for whom, when and in which status. */
    public record Line(UUID planId, long version, String status, String timeZone, LocalDate startDate,
                       LocalDate endDate, String coachId, String clientName) {
        static Line of(RosterDao.Line row) {
            return new Line(row.planId(), row.version(), row.status(), row.timeZone(), row.startDate(), row.endDate(),
                    row.coachId(), row.clientName());
        }
    }

    /** The roster's {@code alert} filter for a plan with any open alert. */
    public static final String ANY_ALERT = "any";

    private final RosterDao roster;
    private final Clock clock;

    public Roster(TransactionHandles handles, Clock clock) {
        this.roster = handles.onDemand(RosterDao.class);
        this.clock = clock;
    }

    /**
     * @param coachId the caller's id (for {@code MINE})
     * @param status  a plan status to filter on, or null for every status
     * @param alert   a kind of alert the plans have open ({@code any}: one of any kind), or null for every plan
     * @throws Refusal.Invalid naming the bad parameter
     */
    public Page plans(Scope scope, String coachId, String status, String alert, int page, int size) {
        List<Violation> bad = new ArrayList<>();
        if (status != null && !isStatus(status)) {
            bad.add(new Violation("status", "is not a plan status"));
        }
        if (alert != null && !ANY_ALERT.equals(alert) && AlertKind.named(alert) == null) {
            bad.add(new Violation("alert", "must be any, or one of " + String.join(", ",
                    Arrays.stream(AlertKind.values()).map(Enum::name).toList())));
        }
        if (page < 1) {
            bad.add(new Violation("page", "must be 1 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            bad.add(new Violation("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!bad.isEmpty()) {
            throw new Refusal.Invalid(bad);
        }
        String key = scope.name().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        List<RosterDao.Line> rows = roster.page(key, coachId, status, alert, now, size, (long) (page - 1) * size);
        // the page's rows carry the total; a page past the end has none, and only then is it counted apart
        long total = !rows.isEmpty() ? rows.get(0).total()
                : page == 1 ? 0 : roster.count(key, coachId, status, alert, now);
        return new Page(page, size, total, rows.stream().map(Line::of).toList());
    }

    private static boolean isStatus(String status) {
        for (PlanStatus s : PlanStatus.values()) {
            if (s.name().equals(status)) {
                return true;
            }
        }
        return false;
    }
}
