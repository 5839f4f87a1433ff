package dev.wellplan.planner.alert.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.wellplan.planner.alert.app.Alert;
import io.quarkus.qute.TemplateData;

/** An alert in a coach's words, for the roster's "Alerts" section. */
public final class AlertWords {

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneId.of("UTC"));

    /**
     * One alert on the page: its plan, the client, what happened, since when, when it clears, and whether the viewer
     * may clear it by hand here ({@code alertId} set).
     */
    @TemplateData
    public record Line(String planId, String client, boolean urgent, String what, String since, String clears,
                       String alertId, boolean pool) {
    }

    private AlertWords() {
    }

    /** {@code mine}: the viewer may handle the plan's alerts (its coach, or an admin). */
    public static Line line(Alert alert, boolean mine) {
        String client = alert.clientName() == null || alert.clientName().isBlank() ? "(no name)" : alert.clientName();
        boolean byHand = mine && alert.id() != null;
        return new Line(alert.planId().toString(), client, alert.urgent(), what(alert), SINCE.format(alert.raisedAt()),
                "Clears " + alert.clears() + ".", byHand ? alert.id().toString() : null, alert.coachId() == null);
    }

    static String what(Alert alert) {
        return switch (alert.kind()) {
            case AWAITING_CLEARANCE -> alert.urgent() ? "Waiting for medical clearance: the client was told to seek "
                    + "care today" : "Waiting for medical clearance";
            case RED_FLAG -> "A red flag was reported at a check-in: massage is stopped until clearance";
            case SORENESS_48H -> "Still sore 48 hours after " + alert.subject()
                    + (alert.proposalId() == null ? "" : ": a lighter next session is proposed");
            case MISSED_CHECK_IN -> "No answer to the check-in " + alert.subject() + " 12 hours after it was due";
            case DELIVERY_FAILED -> "An e-mail to the client failed for good"
                    + (alert.detail() == null ? "" : " (" + alert.detail().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ")");
            case ENDING_THIS_WEEK -> "The plan ends this week";
            case PLAN_REVIEW -> "The plan ended: review it with the client and offer a follow-up plan";
        };
    }
}
