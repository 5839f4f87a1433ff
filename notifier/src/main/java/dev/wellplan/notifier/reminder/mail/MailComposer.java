package dev.wellplan.notifier.reminder.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.reminder.schedule.ReminderKind;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;

/**
 * Words of each reminder. They carry the guidance of the plan rules: speak up about pressure
 * (AFT-4), keep time free after a session (MAS-5), hydrate and move (AFT-1), soreness at 24
 * and 48 hours (AFT-2/3), see a doctor if numbness, tingling or leg weakness appear (SAFE-1).
 */
public final class MailComposer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private MailComposer() {
    }

    public static ReminderMail compose(ReminderRow reminder, PlanSnapshot plan) {
        ReminderKind kind = ReminderKind.valueOf(reminder.kind());
        PlanSnapshot.Item item = plan.items().stream().filter(i -> i.id().equals(reminder.itemId()))
                .findFirst().orElse(null);
        String name = plan.client().name();
        String when = item == null ? "" : item.start().format(WHEN);
        String subject;
        String body;
        switch (kind) {
            case WELCOME -> {
                subject = "Your four-week back-care plan";
                body = "Your plan runs from " + plan.startDate() + " to " + plan.endDate() + ". It pairs a shorter massage "
                        + "every two weeks with strength work for your glutes, hamstrings and lower back: the massage "
                        + "loosens, the movement addresses the cause. We will remind you before each session and workout.";
            }
            case AWAITING_CLEARANCE -> {
                subject = "Please see a doctor before your massage sessions";
                body = "SEEK_CARE_TODAY".equals(plan.urgency())
                        ? "Something you told us needs medical attention today. Please seek care today, before any massage."
                        : "Something you told us should be checked by a doctor first. Your massage sessions start once "
                        + "a coach records medical clearance; gentle movement guidance stays in your plan.";
            }
            case MASSAGE_DAY_BEFORE -> {
                subject = "Tomorrow: your massage session";
                body = "Your " + describe(item) + " is on " + when + ". Speak up if the pressure is too hard: "
                        + "no pain, no gain is wrong here. Keep an hour or two free afterwards.";
            }
            case AFTERCARE -> {
                subject = "After your session: hydrate and move";
                body = "Drink a glass of water and move your joints gently through their full range of motion. "
                        + "A short walk now makes the most of the session.";
            }
            case CHECK_IN -> {
                subject = "How does your back feel today?";
                body = "Slight soreness the day after a massage is normal. Tell us your soreness and pain (0-10). "
                        + "If soreness lasts past 48 hours the pressure was likely too intense, and we will adjust it. "
                        + "If numbness, tingling or leg weakness appear, see a doctor.";
            }
            case STRENGTH_DAY -> {
                subject = "Today's strength workout";
                body = "Today at " + (item == null ? "" : item.start().toLocalTime()) + ": "
                        + (item == null ? "your workout" : String.join(", ", item.exercises()))
                        + ". Strong glutes, hamstrings and back muscles take load off your spine.";
            }
            case SELF_MASSAGE -> {
                subject = "This evening: ten minutes of self-massage";
                body = "Roll the muscles beside your spine and your glutes with your foam roller or ball, never straight on the spine.";
            }
            case PLAN_CHANGED -> {
                subject = "Your plan changed";
                body = "Your coach updated your plan. The latest version is always in your calendar feed.";
            }
            case PLAN_CANCELLED -> {
                subject = "Your plan was cancelled";
                body = "Your plan was cancelled and no further reminders will be sent.";
            }
            case END_OF_PLAN -> {
                subject = "Four weeks done: what next?";
                body = "The benefits of massage fade after a few months if the cause is not addressed. Keep up the "
                        + "strength work, and reply if you would like a follow-up plan.";
            }
            default -> throw new IllegalArgumentException("no words for " + kind);
        }
        String greeting = "Hello " + name + ",";
        String text = greeting + "\n\n" + body + "\n\n-- wellplan\n";
        String html = "<p>" + escape(greeting) + "</p><p>" + escape(body) + "</p><p>&mdash; wellplan</p>";
        return new ReminderMail(plan.client().email(), subject, text, html, messageId(reminder.id()));
    }

    /** Deterministic per reminder: a resend after a crash carries the same Message-ID. */
    public static String messageId(String reminderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reminderId.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@wellplan.local>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(PlanSnapshot.Item item) {
        if (item == null) {
            return "massage session";
        }
        String type = "DEEP_TISSUE".equals(item.massageType()) ? "deep-tissue massage" : "Swedish massage";
        return item.durationMinutes() + "-minute " + type;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
