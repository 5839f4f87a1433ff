package dev.wellplan.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanSnapshot;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

class PlanCalendarTest {

    private static final Instant STAMP = Instant.parse("2026-10-12T08:00:00Z");

    @Test
    void the_calendar_parses_back_with_one_event_per_client_facing_item() throws Exception {
        Calendar calendar = parse(PlanCalendar.of(Plans.acrossDstEnd(1, "ACTIVE"), STAMP));

        assertThat(value(calendar, Property.PRODID)).isEqualTo(PlanCalendar.PRODID);
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.CALSCALE)).isEqualTo("GREGORIAN");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(value(calendar, "X-WR-TIMEZONE")).isEqualTo("Europe/Lisbon");
        assertThat(events(calendar)).extracting(e -> value(e, Property.UID), e -> value(e, Property.SEQUENCE),
                        e -> value(e, Property.STATUS), e -> value(e, Property.DTSTAMP))
                .containsExactly(
                        tuple(Plans.PLAN_ID + "-massage-1@wellplan", "1", "CONFIRMED", "20261012T080000Z"),
                        tuple(Plans.PLAN_ID + "-massage-1-aftercare@wellplan", "1", "CONFIRMED", "20261012T080000Z"),
                        tuple(Plans.PLAN_ID + "-massage-1-checkin-24h@wellplan", "1", "CONFIRMED", "20261012T080000Z"),
                        tuple(Plans.PLAN_ID + "-strength-w1-d1@wellplan", "1", "CONFIRMED", "20261012T080000Z"),
                        tuple(Plans.PLAN_ID + "-self-massage-w1-d1@wellplan", "1", "CONFIRMED", "20261012T080000Z"),
                        tuple(Plans.PLAN_ID + "-massage-2@wellplan", "1", "CONFIRMED", "20261012T080000Z"),
                        tuple(Plans.PLAN_ID + "-review@wellplan", "1", "CONFIRMED", "20261012T080000Z"));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    }

    @Test
    void events_by_uid_differ_only_where_a_new_version_changes_an_event() {
        PlanSnapshot v1 = Plans.acrossDstEnd(1, "ACTIVE");
        List<PlanSnapshot.Item> moved = v1.items().stream()
                .map(i -> i.id().equals("massage-2") ? Plans.massage("massage-2", Plans.at(11, 4, 10, 0)) : i)
                .filter(i -> !i.id().equals("self-massage-w1-d1")).toList();
        PlanSnapshot v2 = Plans.withItems(v1, 2, moved);

        Map<String, String> before = PlanCalendar.eventsByUid(v1);
        Map<String, String> after = PlanCalendar.eventsByUid(v2);

        assertThat(before).containsOnlyKeys(parseUids(PlanCalendar.of(v1, STAMP)));
        assertThat(before.get(PlanCalendar.uid(Plans.PLAN_ID, "massage-1")))
                .as("SEQUENCE and DTSTAMP change with every version, so they are left out")
                .isEqualTo(after.get(PlanCalendar.uid(Plans.PLAN_ID, "massage-1")))
                .doesNotContain("SEQUENCE").doesNotContain("DTSTAMP").contains("SUMMARY:Swedish massage");
        assertThat(before.get(PlanCalendar.uid(Plans.PLAN_ID, "massage-2")))
                .isNotEqualTo(after.get(PlanCalendar.uid(Plans.PLAN_ID, "massage-2")));
        assertThat(after).doesNotContainKey(PlanCalendar.uid(Plans.PLAN_ID, "self-massage-w1-d1"));
    }

    private static List<String> parseUids(String ics) {
        try {
            return events(parse(ics)).stream().map(e -> value(e, Property.UID)).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void descriptions_carry_the_guidance_of_the_rules() throws Exception {
        Map<String, VEvent> byItem = byItem(parse(PlanCalendar.of(Plans.acrossDstEnd(1, "ACTIVE"), STAMP)));

        assertThat(value(byItem.get("massage-1"), Property.SUMMARY)).isEqualTo("Swedish massage, 50 min, medium pressure");
        assertThat(value(byItem.get("massage-1"), Property.DESCRIPTION))
                .contains("Speak up during the session if the pressure is too hard")     // AFT-4, MAS-4
                .contains("Keep an hour or two free afterwards")                          // MAS-5
                .contains("the primer")                                                   // ACT-4
                .contains("numbness, tingling or weakness in your legs");                 // SAFE-1
        assertThat(value(byItem.get("massage-1-aftercare"), Property.DESCRIPTION)).contains("Drink a glass of water");
        assertThat(value(byItem.get("massage-1-aftercare"), Property.TRANSP)).isEqualTo("TRANSPARENT");
        assertThat(value(byItem.get("massage-1-checkin-24h"), Property.DESCRIPTION)).contains("Slight soreness");
        assertThat(value(byItem.get("strength-w1-d1"), Property.DESCRIPTION)).contains("Glute bridge", "Bird dog");
        assertThat(value(byItem.get("strength-w1-d1"), Property.TRANSP)).isEqualTo("OPAQUE");
        assertThat(value(byItem.get("self-massage-w1-d1"), Property.DESCRIPTION)).contains("never straight on the spine");
        assertThat(value(byItem.get("review"), Property.DESCRIPTION)).contains("follow-up");
    }

    @Test
    void times_are_utc_instants_that_keep_the_local_wall_clock_across_the_end_of_summer_time() throws Exception {
        Map<String, VEvent> byItem = byItem(parse(PlanCalendar.of(Plans.acrossDstEnd(1, "ACTIVE"), STAMP)));

        // 10:00 in Lisbon is 09:00Z before 25 October 2026 (WEST, UTC+1) and 10:00Z after it (WET, UTC+0)
        assertThat(start(byItem.get("massage-1"))).isEqualTo(Instant.parse("2026-10-20T09:00:00Z"));
        assertThat(end(byItem.get("massage-1"))).isEqualTo(Instant.parse("2026-10-20T09:50:00Z"));
        assertThat(start(byItem.get("massage-2"))).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
        assertThat(end(byItem.get("massage-2"))).isEqualTo(Instant.parse("2026-11-03T10:50:00Z"));
        assertThat(start(byItem.get("review"))).isEqualTo(Instant.parse("2026-11-15T18:00:00Z"));
    }

    @Test
    void the_same_item_keeps_its_uid_across_versions_and_the_sequence_follows_the_plan_version() throws Exception {
        PlanSnapshot v1 = Plans.acrossDstEnd(1, "ACTIVE");
        List<PlanSnapshot.Item> moved = new ArrayList<>(v1.items());
        moved.replaceAll(i -> i.id().equals("massage-2") ? Plans.massage("massage-2", Plans.at(11, 5, 10, 0)) : i);
        PlanSnapshot v3 = Plans.withItems(v1, 3, moved);

        Map<String, VEvent> first = byItem(parse(PlanCalendar.of(v1, STAMP)));
        Map<String, VEvent> third = byItem(parse(PlanCalendar.of(v3, STAMP.plusSeconds(3600))));

        assertThat(third.keySet()).containsExactlyInAnyOrderElementsOf(first.keySet());
        third.forEach((item, event) -> {
            assertThat(value(event, Property.UID)).isEqualTo(value(first.get(item), Property.UID));
            assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
        });
        assertThat(start(third.get("massage-2"))).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
        assertThat(PlanCalendar.uid(v1.planId(), "massage-2")).isEqualTo(Plans.PLAN_ID + "-massage-2@wellplan");
    }

    @Test
    void cancel_withdraws_every_event_with_a_higher_sequence() throws Exception {
        Calendar calendar = parse(PlanCalendar.cancel(Plans.acrossDstEnd(4, "CANCELLED"), STAMP,
                "reminders@wellplan.local"));

        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(events(calendar)).hasSize(7).allSatisfy(e -> {
            assertThat(value(e, Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(value(e, Property.SEQUENCE)).isEqualTo("4");
            assertThat(value(e, Property.ORGANIZER)).isEqualTo("mailto:reminders@wellplan.local");
        });
        assertThat(value(parse(PlanCalendar.cancel(Plans.acrossDstEnd(4, "CANCELLED"), STAMP)), Property.METHOD))
                .isEqualTo("CANCEL");
    }

    @Test
    void a_request_names_the_organizer_and_the_client_who_need_not_reply() throws Exception {
        Calendar calendar = parse(PlanCalendar.request(Plans.acrossDstEnd(1, "ACTIVE"), STAMP, "reminders@wellplan.local"));

        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        VEvent massage = byItem(calendar).get("massage-1");
        assertThat(value(massage, Property.ORGANIZER)).isEqualTo("mailto:reminders@wellplan.local");
        Property attendee = massage.getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getValue()).isEqualTo("mailto:ana@example.com");
        assertThat(attendee.getParameter("RSVP").orElseThrow().getValue()).isEqualTo("FALSE");
        assertThat(attendee.getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("ACCEPTED");
        assertThatThrownBy(() -> PlanCalendar.request(Plans.acrossDstEnd(1, "ACTIVE"), STAMP, "wellplan <x@y>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withdraw_cancels_only_the_given_items_by_uid_with_the_plan_version_as_sequence() throws Exception {
        PlanSnapshot v1 = Plans.acrossDstEnd(1, "ACTIVE");
        List<PlanSnapshot.Item> removed = v1.items().stream()
                .filter(i -> i.id().equals("strength-w1-d1") || i.id().equals("clearance")).toList();

        Calendar calendar = parse(PlanCalendar.withdraw(Plans.withItems(v1, 5, v1.items()), removed, STAMP,
                "reminders@wellplan.local"));

        assertThat(value(calendar, Property.METHOD)).isEqualTo("CANCEL");
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(events(calendar)).as("the coach's clearance task never had an entry")
                .extracting(e -> value(e, Property.UID), e -> value(e, Property.STATUS), e -> value(e, Property.SEQUENCE))
                .containsExactly(tuple(Plans.PLAN_ID + "-strength-w1-d1@wellplan", "CANCELLED", "5"));
        assertThat(PlanCalendar.withdraw(v1, removed.subList(1, 2), STAMP, "reminders@wellplan.local"))
                .as("nothing worth an entry: no calendar").isNull();
    }

    @Test
    void a_plan_awaiting_clearance_lists_its_sessions_and_what_follows_them_as_cancelled() throws Exception {
        PlanSnapshot awaiting = Plans.acrossDstEnd(3, "AWAITING_CLEARANCE");

        Map<String, VEvent> byItem = byItem(parse(PlanCalendar.request(awaiting, STAMP, "reminders@wellplan.local")));

        assertThat(byItem).hasSize(7);
        byItem.forEach((item, event) -> assertThat(value(event, Property.STATUS)).as(item).isEqualTo(
                List.of("strength-w1-d1", "self-massage-w1-d1", "review").contains(item) ? "CONFIRMED" : "CANCELLED"));
        assertThat(awaiting.items()).filteredOn(i -> !PlanCalendar.goesAhead(awaiting, i))
                .extracting(PlanSnapshot.Item::id).containsExactly("massage-1", "massage-1-aftercare",
                        "massage-1-checkin-24h", "massage-2");
        assertThat(Plans.acrossDstEnd(3, "ACTIVE").items())
                .allSatisfy(i -> assertThat(PlanCalendar.goesAhead(Plans.acrossDstEnd(3, "ACTIVE"), i)).isTrue());
    }

    @Test
    void a_paused_or_cancelled_plan_lists_its_events_as_cancelled() throws Exception {
        for (String status : List.of("PAUSED", "CANCELLED")) {
            assertThat(events(parse(PlanCalendar.of(Plans.acrossDstEnd(2, status), STAMP))))
                    .allSatisfy(e -> assertThat(value(e, Property.STATUS)).isEqualTo("CANCELLED"));
        }
    }

    @Test
    void the_text_is_folded_at_75_octets_with_crlf_line_ends() {
        String ics = PlanCalendar.of(Plans.acrossDstEnd(1, "ACTIVE"), STAMP);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(ics).contains("\r\n ").as("long descriptions are folded");
    }

    @Test
    void accented_text_is_folded_by_octets_without_splitting_a_character() throws Exception {
        String title = "Massagem sueca \u2014 press\u00e3o m\u00e9dia, sess\u00e3o de cinquenta minutos, "
                + "\u00e7".repeat(40) + " \u2713";
        PlanSnapshot plan = Plans.withItems(Plans.acrossDstEnd(1, "ACTIVE"), 1, List.of(new PlanSnapshot.Item(
                "massage-1", "MASSAGE", Plans.at(10, 20, 10, 0), 50, title, "SWEDISH", "MEDIUM", null, null)));

        String ics = PlanCalendar.request(plan, STAMP, "reminders@wellplan.local");

        assertThat(ics.split("\r\n")).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(value(events(parse(ics)).get(0), Property.SUMMARY)).isEqualTo(title);
    }

    @Test
    void the_text_is_what_ical4js_own_writer_gave_folded_by_octets() throws Exception {
        List<PlanSnapshot> plans = new ArrayList<>(List.of(Plans.acrossDstEnd(3, "ACTIVE"),
                Plans.acrossDstEnd(2, "AWAITING_CLEARANCE"), Plans.acrossDstEnd(4, "PAUSED")));
        for (int length = 55; length <= 95; length++) {
            // titles whose SUMMARY line ends around ical4j's fold (73 characters) and the octet limit (75)
            String title = "\u00c7a\u2014\ud83d\ude00 ".repeat(length % 3) + "x".repeat(length);
            plans.add(Plans.withItems(Plans.acrossDstEnd(1, "ACTIVE"), 1, List.of(new PlanSnapshot.Item(
                    "massage-1", "MASSAGE", Plans.at(10, 20, 10, 0), 50, title, "SWEDISH", "MEDIUM", null, null))));
        }
        for (PlanSnapshot plan : plans) {
            List<PlanSnapshot.Item> listed = plan.items().stream().filter(EventTexts::listed).toList();
            assertThat(PlanCalendar.of(plan, STAMP)).isEqualTo(viaOutputter(plan, listed, ImmutableMethod.PUBLISH));
            assertThat(PlanCalendar.request(plan, STAMP, "reminders@wellplan.local"))
                    .isEqualTo(viaOutputter(plan, listed, ImmutableMethod.REQUEST));
            assertThat(PlanCalendar.withdraw(plan, listed, STAMP, "reminders@wellplan.local"))
                    .isEqualTo(viaOutputter(plan, listed, ImmutableMethod.CANCEL));
        }
    }

    /** How the calendar was written before: ical4j's outputter (folding by characters), then folded by octets. */
    private static String viaOutputter(PlanSnapshot plan, List<PlanSnapshot.Item> items, Method method)
            throws Exception {
        StringWriter out = new StringWriter();
        new CalendarOutputter(false).output(PlanCalendar.calendar(plan, items, STAMP, method,
                method == ImmutableMethod.PUBLISH ? PlanCalendar.DEFAULT_ORGANIZER : "reminders@wellplan.local"), out);
        return LineFolding.fold(out.toString());
    }

    @Test
    void a_plan_with_no_client_facing_item_has_no_events() throws Exception {
        PlanSnapshot awaiting = Plans.onlyCoachTasks();

        assertThat(PlanCalendar.hasEvents(awaiting)).isFalse();
        assertThat(PlanCalendar.hasEvents(Plans.acrossDstEnd(1, "ACTIVE"))).isTrue();
        assertThat(events(parse(PlanCalendar.of(awaiting, STAMP)))).isEmpty();
    }

    // ---- reading the calendar back ------------------------------------------------------

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    static Map<String, VEvent> byItem(Calendar calendar) {
        return events(calendar).stream().collect(Collectors.toMap(
                e -> value(e, Property.UID).replace(Plans.PLAN_ID + "-", "").replace("@wellplan", ""),
                Function.identity()));
    }

    static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).map(Property::getValue).orElse(null);
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    static Instant start(VEvent event) {
        return Instant.from(event.getStartDate().orElseThrow().getDate());
    }

    static Instant end(VEvent event) {
        return Instant.from(event.getEndDate().orElseThrow().getDate());
    }
}
