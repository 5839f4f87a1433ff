package dev.wellplan.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.wellplan.contract.PlanSnapshot;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A plan as an RFC 5545 calendar: one VEVENT per plan item worth a calendar entry.
 *
 * <ul>
 * <li>{@code UID} is {@code <planId>-<itemId>@wellplan}: item ids are stable across plan versions, so a
 * calendar that imported version 1 updates the same entries when version 2 arrives.</li>
 * <li>{@code SEQUENCE} is the plan version, so every newer version wins over the one a calendar holds.</li>
 * <li>Times are UTC instants computed from the item's local time in the client's IANA zone: every
 * calendar (Google, Apple, Outlook) reads them the same way, with no VTIMEZONE to interpret, and a plan
 * crossing a DST change keeps its wall-clock times. {@code X-WR-TIMEZONE} tells apps which zone to show.</li>
 * </ul>
 * Lines end in CRLF and are folded at 75 octets of UTF-8, never inside a character.
 */
public final class PlanCalendar {

    public static final String PRODID = "-//wellplan//back-care plan//EN";
    /** The MIME type of {@link #request} output, as an e-mail attachment carries it. */
    public static final String REQUEST_CONTENT_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";
    /** The MIME type of {@link #cancel} output, as an e-mail attachment carries it. */
    public static final String CANCEL_CONTENT_TYPE = "text/calendar; charset=UTF-8; method=CANCEL";

    /** The ORGANIZER when the caller names none: iTIP (RFC 5546) requires one on every method. */
    public static final String DEFAULT_ORGANIZER = "reminders@wellplan.local";

    /** Items of a plan in these states will not happen as listed. */
    private static final Set<String> OFF_STATUSES = Set.of("PAUSED", "CANCELLED");
    /** Items that exist because of a massage session. */
    private static final Set<String> SESSION_BOUND = Set.of("MASSAGE", "AFTERCARE", "CHECK_IN", "LIGHT_MOVEMENT");

    private static final Pattern BARE_ADDRESS = Pattern.compile("[^@\\s<>:\"]+@[^@\\s<>:\"]+");

    private PlanCalendar() {
    }

    /** The plan as a published calendar ({@code METHOD:PUBLISH}), for a feed or a download. */
    public static String of(PlanSnapshot plan, Instant stamp) {
        return of(plan, stamp, DEFAULT_ORGANIZER);
    }

    /** {@link #of(PlanSnapshot, Instant)} with {@code organizer} (a bare address) as the ORGANIZER iTIP asks for. */
    public static String of(PlanSnapshot plan, Instant stamp, String organizer) {
        return write(plan, stamp, ImmutableMethod.PUBLISH, requireAddress(organizer));
    }

    /**
     * The plan as an invitation ({@code METHOD:REQUEST}) for an e-mail attachment: the same events,
     * with {@code organizer} (the sender's bare address) as ORGANIZER and the client as an attendee
     * who has accepted and need not reply.
     */
    public static String request(PlanSnapshot plan, Instant stamp, String organizer) {
        return write(plan, stamp, ImmutableMethod.REQUEST, requireAddress(organizer));
    }

    /** Every event of the plan withdrawn ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}). */
    public static String cancel(PlanSnapshot plan, Instant stamp) {
        return cancel(plan, stamp, DEFAULT_ORGANIZER);
    }

    /** {@link #cancel(PlanSnapshot, Instant)} from {@code organizer}, the sender of the invitations it withdraws. */
    public static String cancel(PlanSnapshot plan, Instant stamp, String organizer) {
        return write(plan, stamp, ImmutableMethod.CANCEL, requireAddress(organizer));
    }

    /**
     * Withdraws {@code items} ({@code METHOD:CANCEL}, {@code STATUS:CANCELLED}, {@code SEQUENCE} the plan's version):
     * entries the client's calendar may hold that will not happen as listed, i.e. items an adjustment removed and the
     * sessions of a plan that waits for medical clearance ({@link #goesAhead}). Null when none is worth an entry.
     */
    public static String withdraw(PlanSnapshot plan, List<PlanSnapshot.Item> items, Instant stamp, String organizer) {
        List<PlanSnapshot.Item> listed = items.stream().filter(EventTexts::listed).toList();
        return listed.isEmpty() ? null : write(plan, listed, stamp, ImmutableMethod.CANCEL, requireAddress(organizer));
    }

    /**
     * SAFE-1: while a plan waits for medical clearance its massage sessions, and what follows them (aftercare,
     * check-ins, the light-movement day), cannot happen; everything else goes ahead as listed.
     */
    public static boolean goesAhead(PlanSnapshot plan, PlanSnapshot.Item item) {
        return !"AWAITING_CLEARANCE".equals(plan.status()) || !SESSION_BOUND.contains(item.kind());
    }

    /** True when the plan has at least one item worth a calendar entry (an empty VCALENDAR is not valid RFC 5545). */
    public static boolean hasEvents(PlanSnapshot plan) {
        return plan.items().stream().anyMatch(EventTexts::listed);
    }

    /**
     * What each event of the plan's calendar says, by UID, without the SEQUENCE and DTSTAMP that every version
     * changes: where two versions' texts differ for a UID (or only one has it), a calendar holding that event sees
     * it change. Unfolded lines, in the order {@link #of} writes them.
     */
    public static Map<String, String> eventsByUid(PlanSnapshot plan) {
        String ics = write(plan, Instant.EPOCH, ImmutableMethod.PUBLISH, DEFAULT_ORGANIZER).replace("\r\n ", "");
        Map<String, String> events = new LinkedHashMap<>();
        StringBuilder event = null;
        String uid = null;
        for (String line : ics.split("\r\n")) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new StringBuilder();
            } else if (line.equals("END:VEVENT") && event != null) {
                events.put(uid, event.toString());
                event = null;
            } else if (event != null && line.startsWith("UID:")) {
                uid = line.substring("UID:".length());
            } else if (event != null && !line.startsWith("SEQUENCE:") && !line.startsWith("DTSTAMP:")) {
                event.append(line).append('\n');
            }
        }
        return events;
    }

    /** The UID of an item's event: the same for every version of the plan. */
    public static String uid(UUID planId, String itemId) {
        return planId + "-" + itemId + "@wellplan";
    }

    private static String write(PlanSnapshot plan, Instant stamp, Method method, String organizer) {
        return write(plan, plan.items().stream().filter(EventTexts::listed).toList(), stamp, method, organizer);
    }

    private static String write(PlanSnapshot plan, List<PlanSnapshot.Item> items, Instant stamp, Method method,
                                String organizer) {
        // Unfolded content lines, folded once, by octets: ical4j's CalendarOutputter folds by characters, one char at a
        // time into a synchronized buffer, which took 40 % of the time of a four-week plan only to be unfolded here.
        return LineFolding.fold(calendar(plan, items, stamp, method, organizer).toString());
    }

    /** The calendar as ical4j's model, before it is written (the tests write it with ical4j's own writer too). */
    static Calendar calendar(PlanSnapshot plan, List<PlanSnapshot.Item> items, Instant stamp, Method method,
                             String organizer) {
        ZoneId zone = ZoneId.of(plan.timeZone());
        Calendar calendar = new Calendar()
                .add(new ProdId(PRODID))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(method)
                .add(new XProperty("X-WR-CALNAME", "wellplan: your back-care plan"))
                .add(new XProperty("X-WR-TIMEZONE", zone.getId()));
        boolean cancelled = method == ImmutableMethod.CANCEL || OFF_STATUSES.contains(plan.status());
        for (PlanSnapshot.Item item : items) {
            calendar.add(event(plan, item, zone, stamp, cancelled || !goesAhead(plan, item), method, organizer));
        }
        return calendar;
    }

    private static VEvent event(PlanSnapshot plan, PlanSnapshot.Item item, ZoneId zone, Instant stamp,
                                boolean cancelled, Method method, String organizer) {
        Instant start = ZonedDateTime.ofLocal(item.start(), zone, null).toInstant();
        VEvent event = new VEvent(false)
                .add(new Uid(uid(plan.planId(), item.id())))
                .add(new Sequence(Math.toIntExact(plan.version())))
                .add(new DtStamp(stamp))
                .add(new DtStart<>(start));
        if (item.durationMinutes() > 0) {
            event.add(new DtEnd<>(start.plusSeconds(item.durationMinutes() * 60L)));
        }
        event.add(new Summary(EventTexts.summary(item)))
                .add(new Description(EventTexts.description(item)))
                .add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED)
                .add(EventTexts.blocksTime(item) && !cancelled ? ImmutableTransp.OPAQUE : ImmutableTransp.TRANSPARENT);
        event.add(new Organizer(new ParameterList(List.of(new Cn("wellplan"))), mailto(organizer)));
        PlanSnapshot.Client client = plan.client();
        URI attendee = client == null ? null : mailto(client.email());
        if (method != ImmutableMethod.PUBLISH && attendee != null) {
            // already accepted and no reply wanted: the plan is the client's own, not a meeting to negotiate
            event.add(new Attendee(new ParameterList(List.of(new Cn(client.name() == null ? "" : client.name()),
                    Role.REQ_PARTICIPANT, PartStat.ACCEPTED, Rsvp.FALSE)), attendee));
        }
        return event;
    }

    private static URI mailto(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return new URI("mailto", address.trim(), null);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String requireAddress(String address) {
        if (address == null || !BARE_ADDRESS.matcher(address.trim()).matches()) {
            throw new IllegalArgumentException("organizer must be a bare e-mail address, e.g. reminders@example.com");
        }
        return address.trim();
    }
}
