package dev.wellplan.planner.plan.web;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.wellplan.planner.access.web.Viewer;
import dev.wellplan.planner.alert.app.Alert;
import dev.wellplan.planner.alert.web.AlertWords;
import dev.wellplan.planner.checkin.app.CheckInQueries;
import dev.wellplan.planner.checkin.app.Proposals;
import dev.wellplan.planner.plan.app.PlanView;
import dev.wellplan.rules.PlanItem;
import io.quarkus.qute.TemplateData;

/**
 * What happened since the plan began, as its coach's page shows it: the client's check-ins (newest first, notes
 * included: health data, for the plan's coach and admins, as the rest of the page), the plan's open alerts in the
 * roster's words, and AFT-3's pending proposals with what they would change.
 *
 * @param decide whether the viewer may accept or dismiss the proposals (the plan's coach, or an admin)
 */
@TemplateData
public record FollowUp(List<CheckIn> checkIns, List<AlertWords.Line> alerts, List<Proposal> proposals,
                       boolean decide) {

    /** One check-in in words. */
    @TemplateData
    public record CheckIn(String when, String session, String soreness, String pain, String redFlags,
                          boolean flagged, String note, String by) {
    }

    /** One pending proposal: the session it would make lighter, from which pressure to which. */
    @TemplateData
    public record Proposal(String id, String itemId, String session, String from, String to) {
    }

    static FollowUp of(PlanView plan, Viewer me, List<CheckInQueries.CheckIn> checkIns, List<Alert> alerts,
                       List<Proposals.Proposal> proposals) {
        boolean mine = me.admin() || me.id().equals(plan.coachId());
        List<CheckIn> newestFirst = new ArrayList<>(checkIns.stream().map(c -> checkIn(plan, c)).toList());
        Collections.reverse(newestFirst);
        return new FollowUp(newestFirst, alerts.stream().map(a -> AlertWords.line(a, mine)).toList(),
                proposals.stream().map(p -> proposal(plan, p)).toList(), mine);
    }

    private static CheckIn checkIn(PlanView plan, CheckInQueries.CheckIn c) {
        String session = c.itemId() == null ? "None (a report of its own)"
                : session(plan, c.itemId()) + (c.hoursAfter() == null ? "" : ", " + c.hoursAfter() + " hours after");
        return new CheckIn(CoachPlanPage.AT.format(c.recordedAt().atOffset(ZoneOffset.UTC)), session,
                c.soreness() + " of 10", c.pain() + " of 10", Words.labels(Words.RED_FLAGS, c.redFlags(), "None"),
                !c.redFlags().isEmpty(), c.note(), "client".equals(c.recordedBy()) ? "The client" : "The clinic");
    }

    private static Proposal proposal(PlanView plan, Proposals.Proposal p) {
        String from = item(plan, p.itemId()).map(PlanItem::massage).map(m -> pressure(m.pressure().name()))
                .orElse("its");
        return new Proposal(p.id().toString(), p.itemId(), session(plan, p.itemId()), from, pressure(p.pressure()));
    }

    /** The session by its day and time ("the massage of Tuesday 8 December, 18:00"); its id if the plan has none. */
    private static String session(PlanView plan, String itemId) {
        return item(plan, itemId).map(i -> "the " + Words.kind(i.kind()).toLowerCase(Locale.ROOT) + " of "
                + Timeline.DAY.format(i.start()) + ", " + Timeline.TIME.format(i.start())).orElse(itemId);
    }

    private static Optional<PlanItem> item(PlanView plan, String itemId) {
        return plan.items().stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    private static String pressure(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
