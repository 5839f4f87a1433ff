package dev.wellplan.notifier.reminder.mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.wellplan.calendar.PlanCalendar;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.links.ClientLinks;
import dev.wellplan.notifier.links.MailConfig;
import dev.wellplan.notifier.preferences.store.EmailPreferences;
import dev.wellplan.notifier.reminder.schedule.PlanChange;
import dev.wellplan.notifier.reminder.schedule.PlanChanges;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.reminders.ReminderKind;
import dev.wellplan.reminders.ReminderPolicy;
import dev.wellplan.support.Digests;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * Composes a reminder e-mail: the words live in the Qute templates under {@code templates/mail/}
 * (HTML and plain text per kind) and carry the plan rules' guidance; this class formats the plan
 * for them, signs the client's links and attaches the plan's calendar where one belongs
 * (welcome and "plan changed": an invitation; cancellation: its withdrawal).
 */
@ApplicationScoped
public class MailComposer {

    static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    static final String ONE_CLICK = "List-Unsubscribe=One-Click";
    static final String ICS_NAME = "wellplan-plan.ics";
    static final String WITHDRAWN_ICS_NAME = "wellplan-withdrawn.ics";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ClientLinks links;
    private final MailConfig config;
    private final PlanChanges changes;

    public MailComposer(ClientLinks links, MailConfig config, PlanChanges changes) {
        this.links = links;
        this.config = config;
        this.changes = changes;
    }

    public ReminderMail compose(ReminderRow reminder, PlanSnapshot plan, Instant now) {
        ReminderKind kind = ReminderKind.valueOf(reminder.kind());
        PlanSnapshot.Item item = plan.items().stream().filter(i -> i.id().equals(reminder.itemId()))
                .findFirst().orElse(null);
        UUID client = EmailPreferences.recipientOf(plan);
        String unsubscribe = links.unsubscribeUrl(client, now);
        boolean fresh = kind == ReminderKind.ACCESS_LINK;
        ClientLinks.CalendarFeed feed = kind == ReminderKind.WELCOME || fresh ? links.calendarFeed(plan.planId(), now) : null;
        boolean confirmation = kind == ReminderKind.CONFIRMATION_REQUEST;
        boolean told = kind == ReminderKind.PLAN_CHANGED || kind == ReminderKind.PLAN_CANCELLED;
        List<PlanChange> history = told ? changes.of(plan.planId()) : List.of();
        List<ReminderMail.Attachment> attachments = confirmation ? List.of() : calendar(kind, plan, history, now);
        MailView.ChangeLines change = kind != ReminderKind.PLAN_CHANGED ? null : ChangeStory.of(history.stream()
                .filter(c -> c.version() == reminder.planVersion()).findFirst().orElse(null));
        // The request to confirm goes to an address nobody has vouched for yet: it says nothing the form's
        // free text could have put there (a name, a link), only what wellplan itself writes.
        MailView view = new MailView(confirmation ? null : plan.client().name(), planLines(plan),
                itemLines(item, reminder), new MailView.Links(unsubscribe, links.preferencesUrl(client, now),
                        feed == null ? null : feed.https(), feed == null ? null : feed.webcal(),
                        confirmation ? links.confirmUrl(plan.planId(), now) : null,
                        feed == null ? null : links.planUrl(plan.planId(), now),
                        kind == ReminderKind.CHECK_IN && item != null
                                ? links.checkInUrl(plan.planId(), ReminderPolicy.sessionOf(plan, item), now) : null),
                !attachments.isEmpty(), change);
        return new ReminderMail(plan.client().email(), subject(kind, plan, view.item()),
                render(template(kind, view), Variant.TEXT_PLAIN), render(template(kind, view), Variant.TEXT_HTML),
                messageId(reminder.id()),
                Map.of(LIST_UNSUBSCRIBE, "<" + unsubscribe + ">", LIST_UNSUBSCRIBE_POST, ONE_CLICK),
                attachments);
    }

    /** Deterministic per reminder: a resend after a crash carries the same Message-ID. */
    public static String messageId(String reminderId) {
        byte[] digest = Digests.sha256().digest(reminderId.getBytes(StandardCharsets.UTF_8));
        return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@wellplan.local>";
    }

    /**
     * The welcome invites to the plan's entries. A change invites to them as they stand and, in a second file, withdraws
     * the entries the plan no longer has and those that cannot go ahead (SAFE-1: sessions while awaiting clearance),
     * by UID with SEQUENCE the plan's version. A cancellation withdraws all of them, in one file.
     */
    private List<ReminderMail.Attachment> calendar(ReminderKind kind, PlanSnapshot plan, List<PlanChange> history,
                                                   Instant now) {
        String organizer = config.calendarOrganizer();
        List<ReminderMail.Attachment> out = new ArrayList<>();
        if ((kind == ReminderKind.WELCOME || kind == ReminderKind.PLAN_CHANGED) && PlanCalendar.hasEvents(plan)) {
            // RFC 5545 wants at least one event in a calendar
            out.add(new ReminderMail.Attachment(ICS_NAME, PlanCalendar.REQUEST_CONTENT_TYPE,
                    PlanCalendar.request(plan, now, organizer)));
        }
        if (kind == ReminderKind.PLAN_CHANGED) {
            String withdrawn = PlanCalendar.withdraw(plan, ChangeStory.withdrawn(plan, history), now, organizer);
            if (withdrawn != null) {
                out.add(new ReminderMail.Attachment(WITHDRAWN_ICS_NAME, PlanCalendar.CANCEL_CONTENT_TYPE, withdrawn));
            }
        }
        if (kind == ReminderKind.PLAN_CANCELLED) {
            List<PlanSnapshot.Item> all = new ArrayList<>(plan.items());
            all.addAll(ChangeStory.withdrawn(plan, history).stream().filter(i -> !plan.items().contains(i)).toList());
            String cancel = PlanCalendar.withdraw(plan, all, now, organizer);
            if (cancel != null) {
                out.add(new ReminderMail.Attachment(ICS_NAME, PlanCalendar.CANCEL_CONTENT_TYPE, cancel));
            }
        }
        return out;
    }

    private static TemplateInstance template(ReminderKind kind, MailView m) {
        return switch (kind) {
            case CONFIRMATION_REQUEST -> MailTemplates.confirmationRequest(m);
            case ACCESS_LINK -> MailTemplates.accessLink(m);
            case WELCOME -> MailTemplates.welcome(m);
            case AWAITING_CLEARANCE -> MailTemplates.awaitingClearance(m);
            case MASSAGE_DAY_BEFORE -> MailTemplates.massageDayBefore(m);
            case AFTERCARE -> MailTemplates.aftercare(m);
            case CHECK_IN -> MailTemplates.checkIn(m);
            case STRENGTH_DAY -> MailTemplates.strengthDay(m);
            case SELF_MASSAGE -> MailTemplates.selfMassage(m);
            case PLAN_CHANGED -> MailTemplates.planChanged(m);
            case PLAN_CANCELLED -> MailTemplates.planCancelled(m);
            case END_OF_PLAN -> MailTemplates.endOfPlan(m);
        };
    }

    private static String render(TemplateInstance template, String contentType) {
        return template.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }

    static String subject(ReminderKind kind, PlanSnapshot plan, MailView.ItemLines item) {
        boolean seekCareToday = "SEEK_CARE_TODAY".equals(plan.urgency());
        return switch (kind) {
            case CONFIRMATION_REQUEST -> "Please confirm your back-care plan";
            case ACCESS_LINK -> "Your wellplan links";
            case WELCOME -> "AWAITING_CLEARANCE".equals(plan.status())
                    ? "Your four-week back-care plan starts with a doctor's visit"
                    : "Your four-week back-care plan";
            case AWAITING_CLEARANCE -> seekCareToday
                    ? "Please seek care today, before any massage"
                    : "Please see a doctor before your massage sessions";
            case MASSAGE_DAY_BEFORE -> item == null ? "Your massage session"
                    : capitalize(item.relativeDay()) + " at " + item.time() + ": your " + item.massageType() + " massage";
            case AFTERCARE -> "After your session: drink water and move";
            case CHECK_IN -> item != null && item.secondCheckIn() ? "Is the soreness still there?"
                    : "How does your back feel today?";
            case STRENGTH_DAY -> item == null ? "Your strength workout"
                    : capitalize(item.relativeDay()) + " at " + item.time() + ": your strength workout";
            case SELF_MASSAGE -> item == null ? "Ten minutes of self-massage"
                    : "Ten minutes of self-massage " + item.relativeDay();
            case PLAN_CHANGED -> "Your plan changed: the updated calendar is inside";
            case PLAN_CANCELLED -> "Your plan was cancelled";
            case END_OF_PLAN -> "Four weeks done: your summary and what comes next";
        };
    }

    private static MailView.PlanLines planLines(PlanSnapshot plan) {
        List<MailView.Line> sessions = plan.items().stream().filter(i -> "MASSAGE".equals(i.kind()))
                .map(i -> new MailView.Line(i.start().format(DAY) + " at " + i.start().format(TIME), sessionTitle(i)))
                .toList();
        return new MailView.PlanLines(format(plan.startDate()), format(plan.endDate()), plan.timeZone(), sessions,
                count(plan, "STRENGTH"), count(plan, "SELF_MASSAGE"), "AWAITING_CLEARANCE".equals(plan.status()),
                "SEEK_CARE_TODAY".equals(plan.urgency()));
    }

    private static MailView.ItemLines itemLines(PlanSnapshot.Item item, ReminderRow reminder) {
        if (item == null) {
            return null;
        }
        boolean massage = "MASSAGE".equals(item.kind());
        boolean deep = "DEEP_TISSUE".equals(item.massageType());
        return new MailView.ItemLines(item.start().format(DAY) + " at " + item.start().format(TIME),
                relativeDay(item.start(), reminder.localTime()), item.start().format(TIME), item.durationMinutes(),
                massage ? (deep ? "deep-tissue" : "Swedish") : null,
                item.pressure() == null ? null : item.pressure().toLowerCase(Locale.ROOT), deep, item.exercises(),
                item.rules().contains("AFT-3") || item.id().endsWith("-48h"));
    }

    /** "today", "tomorrow" or "on Tuesday 8 December", as seen when the reminder goes out (quiet hours may move it). */
    static String relativeDay(LocalDateTime start, LocalDateTime sentAt) {
        LocalDate day = start.toLocalDate();
        LocalDate sent = sentAt == null ? day : sentAt.toLocalDate();
        if (day.equals(sent)) {
            return "today";
        }
        return day.equals(sent.plusDays(1)) ? "tomorrow" : "on " + day.format(DAY);
    }

    private static String sessionTitle(PlanSnapshot.Item item) {
        String type = "DEEP_TISSUE".equals(item.massageType()) ? "deep-tissue massage" : "Swedish massage";
        String pressure = item.pressure() == null ? "" : ", " + item.pressure().toLowerCase(Locale.ROOT) + " pressure";
        return item.durationMinutes() + "-minute " + type + pressure;
    }

    private static int count(PlanSnapshot plan, String kind) {
        return (int) plan.items().stream().filter(i -> kind.equals(i.kind())).count();
    }

    private static String format(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
