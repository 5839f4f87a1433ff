package dev.wellplan.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventContract;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.testing.TestEvents;

class ReminderPolicyTest {

    private final ReminderPolicy policy = ReminderPolicy.defaults();
    private final UUID planId = UUID.randomUUID();

    private DesiredReminder only(ReminderKind kind, PlanEvent event) {
        return policy.desired(event).stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1} stays at local {1}")
    @CsvSource({
            // zone, local strength time, expected UTC instant
            "Europe/Berlin,    2027-03-27T07:30, 2027-03-27T06:30:00Z",   // before spring-forward: UTC+1
            "Europe/Berlin,    2027-03-29T07:30, 2027-03-29T05:30:00Z",   // after: UTC+2
            "America/New_York, 2026-11-02T07:30, 2026-11-02T12:30:00Z",   // after fall-back: UTC-5
            "Asia/Kolkata,     2026-12-08T07:30, 2026-12-08T02:00:00Z",   // half-hour offset, no DST
            "Australia/Lord_Howe, 2026-10-05T07:30, 2026-10-04T20:30:00Z" // after its 30-minute spring-forward: UTC+11
    })
    void a_local_time_maps_to_the_instant_of_its_zone_on_that_date(String zone, String local, String utc) {
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", zone, Instant.parse("2026-10-01T00:00:00Z"),
                List.of(TestEvents.strength("strength-1", LocalDateTime.parse(local))));

        DesiredReminder r = only(ReminderKind.STRENGTH_DAY, event);

        assertThat(r.dueAt()).isEqualTo(Instant.parse(utc));
        assertThat(r.localTime()).isEqualTo(LocalDateTime.parse(local));
    }

    @Test
    void a_time_in_the_spring_forward_gap_moves_forward_by_the_gap() {
        // 02:30 does not exist in Berlin on 2027-03-28; quiet hours are off for this plan.
        PlanEvent event = withoutQuietHours(TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Berlin",
                Instant.parse("2027-03-01T00:00:00Z"), List.of(TestEvents.strength("s", LocalDateTime.parse("2027-03-28T02:30")))));

        assertThat(only(ReminderKind.STRENGTH_DAY, event).dueAt()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void a_time_in_the_fall_back_overlap_takes_the_earlier_offset() {
        PlanEvent event = withoutQuietHours(TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "America/New_York",
                Instant.parse("2026-10-01T00:00:00Z"), List.of(TestEvents.strength("s", LocalDateTime.parse("2026-11-01T01:30")))));

        assertThat(only(ReminderKind.STRENGTH_DAY, event).dueAt()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @ParameterizedTest(name = "Cairo, midnight transitions: {0} -> {1}")
    @CsvSource({
            "2027-04-30T00:30, 2027-04-29T22:30:00Z",  // spring-forward at midnight: 00:30 does not exist, moves to 01:30 EEST
            "2027-10-28T23:30, 2027-10-28T20:30:00Z"   // fall-back at midnight: 23:30 happens twice, the earlier (EEST) wins
    })
    void cairo_changes_clocks_at_midnight(String local, String utc) {
        PlanEvent event = withoutQuietHours(TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Africa/Cairo",
                Instant.parse("2027-04-01T00:00:00Z"), List.of(TestEvents.strength("s", LocalDateTime.parse(local)))));

        assertThat(only(ReminderKind.STRENGTH_DAY, event).dueAt()).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest(name = "quiet 21:00-07:00: {0} goes out at {1}")
    @CsvSource({
            "2026-12-09T06:30, 2026-12-08T20:45",  // after midnight: the evening before
            "2026-12-09T22:00, 2026-12-09T20:45",  // late evening: earlier that evening
            "2026-12-09T07:00, 2026-12-09T07:00",  // quiet hours have ended
            "2026-12-09T20:59, 2026-12-09T20:59"   // not yet quiet
    })
    void reminders_never_land_in_quiet_hours_they_move_earlier(String local, String expected) {
        PlanEvent event = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-01T00:00:00Z"), List.of(TestEvents.strength("s", LocalDateTime.parse(local))));

        assertThat(only(ReminderKind.STRENGTH_DAY, event).localTime()).isEqualTo(LocalDateTime.parse(expected));
    }

    @Test
    void massage_reminder_goes_out_a_day_before_and_only_for_an_active_plan() {
        PlanEvent active = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-01T00:00:00Z"), List.of(TestEvents.massage("massage-1", LocalDateTime.parse("2026-12-08T10:00"))));
        PlanEvent paused = TestEvents.event(planId, 2, PlanEventType.PlanStatusChanged, "PAUSED", "Europe/Lisbon",
                Instant.parse("2026-12-01T00:00:00Z"), active.plan().items());

        assertThat(only(ReminderKind.MASSAGE_DAY_BEFORE, active).localTime()).isEqualTo(LocalDateTime.parse("2026-12-07T10:00"));
        assertThat(policy.desired(paused)).extracting(DesiredReminder::kind)
                .containsExactly(ReminderKind.WELCOME, ReminderKind.PLAN_CHANGED);
    }

    @Test
    void an_item_a_coach_paused_stays_on_the_plan_and_asks_for_no_reminder() {
        PlanSnapshot.Item workout = TestEvents.strength("strength-w2-d1", LocalDateTime.parse("2026-12-14T07:30"));
        PlanSnapshot.Item held = new PlanSnapshot.Item(workout.id(), workout.kind(), workout.start(),
                workout.durationMinutes(), workout.title(), null, null, workout.exercises(), workout.rules(), true);
        PlanEvent paused = TestEvents.event(planId, 3, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-11T09:20:00Z"), List.of(held,
                        TestEvents.strength("strength-w3-d1", LocalDateTime.parse("2026-12-21T07:30")),
                        TestEvents.massage("massage-2", LocalDateTime.parse("2026-12-22T10:00"))));

        assertThat(policy.desired(paused)).extracting(DesiredReminder::kind, DesiredReminder::itemId)
                .containsExactly(tuple(ReminderKind.WELCOME, null), tuple(ReminderKind.PLAN_CHANGED, null),
                        tuple(ReminderKind.STRENGTH_DAY, "strength-w3-d1"),
                        tuple(ReminderKind.MASSAGE_DAY_BEFORE, "massage-2"));
    }

    @Test
    void the_golden_sample_of_a_pause_reminds_only_of_what_is_not_held() {
        PlanEvent sample = PlanEventCodec.fromJson(PlanEventContract.sample("plan-adjusted-paused.v1.json"));

        assertThat(policy.desired(sample)).extracting(DesiredReminder::itemId).filteredOn(java.util.Objects::nonNull)
                .containsExactly("strength-w3-d1", "massage-2");
    }

    @Test
    void clearance_tells_the_client_and_a_silent_change_does_not() {
        PlanEvent cleared = TestEvents.event(planId, 2, PlanEventType.PlanStatusChanged, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-01T00:00:00Z"), List.of(TestEvents.massage("massage-1", LocalDateTime.parse("2026-12-08T10:00"))));
        PlanEvent silent = new PlanEvent(cleared.eventId(), PlanEventType.PlanAdjusted, cleared.schemaVersion(), planId, 2,
                cleared.occurredAt(), new PlanEvent.Change("coach", "moved", true), cleared.plan());

        assertThat(policy.desired(cleared)).extracting(DesiredReminder::kind)
                .containsExactly(ReminderKind.WELCOME, ReminderKind.PLAN_CHANGED, ReminderKind.MASSAGE_DAY_BEFORE);
        assertThat(policy.desired(silent)).extracting(DesiredReminder::kind)
                .containsExactly(ReminderKind.WELCOME, ReminderKind.MASSAGE_DAY_BEFORE);
    }

    @Test
    void an_unconfirmed_enrollment_asks_for_the_request_to_confirm_and_nothing_else() {
        List<PlanSnapshot.Item> items = List.of(TestEvents.massage("massage-1", LocalDateTime.parse("2026-12-08T10:00")),
                TestEvents.strength("strength-w1-d1", LocalDateTime.parse("2026-12-09T07:30")));
        PlanEvent pending = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "PENDING_CONFIRMATION",
                "Europe/Lisbon", Instant.parse("2026-12-01T09:00:00Z"), items);
        PlanEvent confirmed = TestEvents.event(planId, 2, PlanEventType.PlanStatusChanged, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-01T10:00:00Z"), items);
        PlanEvent silentlyConfirmed = new PlanEvent(confirmed.eventId(), confirmed.type(), confirmed.schemaVersion(),
                planId, 2, confirmed.occurredAt(), new PlanEvent.Change("client", "confirmed by the client", true),
                confirmed.plan());
        PlanEvent expired = TestEvents.event(planId, 2, PlanEventType.PlanStatusChanged, "EXPIRED", "Europe/Lisbon",
                Instant.parse("2026-12-03T09:00:00Z"), items);

        assertThat(policy.desired(pending)).extracting(DesiredReminder::kind)
                .containsExactly(ReminderKind.CONFIRMATION_REQUEST);
        assertThat(policy.desired(silentlyConfirmed)).extracting(DesiredReminder::kind)
                .containsExactly(ReminderKind.WELCOME, ReminderKind.MASSAGE_DAY_BEFORE, ReminderKind.STRENGTH_DAY);
        assertThat(only(ReminderKind.WELCOME, silentlyConfirmed).dueAt()).isEqualTo(confirmed.occurredAt());
        assertThat(policy.desired(expired)).isEmpty();
        assertThat(ReminderKind.CONFIRMATION_REQUEST.allowedWhile("PENDING_CONFIRMATION")).isTrue();
        assertThat(ReminderKind.CONFIRMATION_REQUEST.allowedWhile("ACTIVE")).isFalse();
        assertThat(ReminderKind.WELCOME.allowedWhile("PENDING_CONFIRMATION")).isFalse();
        assertThat(ReminderKind.MASSAGE_DAY_BEFORE.allowedWhile("PENDING_CONFIRMATION")).isFalse();
    }

    @Test
    void an_assignment_to_a_coach_tells_the_client_nothing() {
        PlanEvent assigned = TestEvents.event(planId, 3, PlanEventType.PlanAssigned, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-01T00:00:00Z"), List.of(TestEvents.massage("massage-1", LocalDateTime.parse("2026-12-08T10:00"))));

        assertThat(policy.desired(assigned)).extracting(DesiredReminder::kind)
                .containsExactly(ReminderKind.WELCOME, ReminderKind.MASSAGE_DAY_BEFORE);
    }

    @Test
    void a_check_in_asks_for_no_e_mail_of_its_own() {
        PlanEvent checkIn = PlanEventCodec.fromJson(PlanEventContract.sample("check-in-recorded.v1.json"));

        assertThat(policy.desired(checkIn)).isEmpty();
    }

    @Test
    void keys_are_deterministic_across_versions_and_name_the_item_s_start() {
        PlanEvent v1 = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-01T00:00:00Z"), List.of(TestEvents.strength("strength-w1-d1", LocalDateTime.parse("2026-12-09T07:30"))));
        PlanEvent v2 = TestEvents.event(planId, 2, PlanEventType.PlanAdjusted, "ACTIVE", "America/New_York",
                Instant.parse("2026-12-02T00:00:00Z"), v1.plan().items());
        PlanEvent v3 = TestEvents.event(planId, 3, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-03T00:00:00Z"), List.of(TestEvents.strength("strength-w1-d1", LocalDateTime.parse("2026-12-10T07:30"))));

        assertThat(only(ReminderKind.STRENGTH_DAY, v1).key()).as("another zone, the same local start")
                .isEqualTo(only(ReminderKind.STRENGTH_DAY, v2).key())
                .isEqualTo(planId + ":strength-w1-d1@2026-12-09T07:30:00:strength_day");
        assertThat(only(ReminderKind.STRENGTH_DAY, v3).key()).as("moved: a new reminder")
                .isEqualTo(planId + ":strength-w1-d1@2026-12-10T07:30:00:strength_day");
        assertThat(DesiredReminder.subjectOf(only(ReminderKind.STRENGTH_DAY, v3).key(), planId, ReminderKind.STRENGTH_DAY))
                .hasValueSatisfying(subject -> assertThat(DesiredReminder.isOfItem(subject, "strength-w1-d1")).isTrue());
        assertThat(DesiredReminder.isOfItem("strength-w1-d1@tomorrow", "strength-w1-d1")).isFalse();
        assertThat(DesiredReminder.isOfItem("strength-w1-d10@2026-12-10T07:30:00", "strength-w1-d1")).isFalse();
    }

    @Test
    void the_see_a_doctor_notice_is_one_per_clearance_episode() {
        PlanSnapshot.Item clearance = TestEvents.clearance(LocalDateTime.parse("2026-12-18T09:30"));
        PlanEvent first = awaiting(2, 2L, clearance);
        PlanEvent laterInIt = awaiting(3, 2L, clearance);
        PlanEvent second = awaiting(7, 7L, clearance);
        PlanEvent olderProducer = awaiting(7, null, clearance);

        assertThat(only(ReminderKind.AWAITING_CLEARANCE, first).key())
                .isEqualTo(only(ReminderKind.AWAITING_CLEARANCE, laterInIt).key())
                .isEqualTo(planId + ":clearance-since-v2:awaiting_clearance");
        assertThat(only(ReminderKind.AWAITING_CLEARANCE, first).itemId()).isEqualTo("clearance");
        assertThat(only(ReminderKind.AWAITING_CLEARANCE, second).key())
                .isEqualTo(planId + ":clearance-since-v7:awaiting_clearance");
        assertThat(DesiredReminder.episodeOf("clearance-since-v7")).contains(7L);
        assertThat(only(ReminderKind.AWAITING_CLEARANCE, olderProducer).key())
                .isEqualTo(planId + ":clearance@2026-12-18T09:30:00:awaiting_clearance");
        assertThat(policy.desired(PlanEventCodec.fromJson(PlanEventContract.sample("plan-status-changed-red-flag.v1.json"))))
                .extracting(DesiredReminder::kind).containsExactly(ReminderKind.WELCOME, ReminderKind.PLAN_CHANGED,
                        ReminderKind.AWAITING_CLEARANCE);
    }

    @Test
    void a_session_s_follow_up_check_in_and_the_session_a_check_in_follows() {
        PlanSnapshot.Item m1 = TestEvents.massage("massage-1", LocalDateTime.parse("2026-12-08T10:00"));
        PlanSnapshot.Item m2 = TestEvents.massage("massage-2", LocalDateTime.parse("2026-12-22T10:00"));
        PlanSnapshot.Item first = checkIn("massage-1-checkin-24h", "2026-12-09T10:00", "AFT-2");
        PlanSnapshot.Item second = checkIn("massage-1-checkin-48h", "2026-12-10T10:00", "AFT-3");
        PlanSnapshot.Item other = checkIn("massage-2-checkin-48h", "2026-12-24T10:00", "AFT-3");
        PlanSnapshot.Item loose = checkIn("follow-up", "2026-12-23T09:00", "AFT-2");
        PlanSnapshot plan = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon",
                Instant.parse("2026-12-01T00:00:00Z"), List.of(m1, first, second, m2, other, loose)).plan();

        assertThat(ReminderPolicy.followUpsOf(plan, "massage-1")).containsExactly("massage-1-checkin-48h");
        assertThat(ReminderPolicy.followUpsOf(plan, null)).isEmpty();
        assertThat(ReminderPolicy.sessionOf(plan, first)).isEqualTo("massage-1");
        assertThat(ReminderPolicy.sessionOf(plan, other)).isEqualTo("massage-2");
        assertThat(ReminderPolicy.sessionOf(plan, loose)).as("the last session before it").isEqualTo("massage-2");
        assertThat(ReminderPolicy.sessionOf(plan, checkIn("early", "2026-12-02T10:00", "AFT-2"))).isNull();
    }

    private static PlanSnapshot.Item checkIn(String id, String start, String rule) {
        return new PlanSnapshot.Item(id, "CHECK_IN", LocalDateTime.parse(start), 5, null, null, null, List.of(),
                List.of(rule));
    }

    private PlanEvent awaiting(long version, Long since, PlanSnapshot.Item... items) {
        return TestEvents.awaitingClearance(TestEvents.event(planId, version, PlanEventType.PlanStatusChanged,
                "AWAITING_CLEARANCE", "Europe/Lisbon", Instant.parse("2026-12-18T09:42:00Z"), List.of(items)), since);
    }

    private static PlanEvent withoutQuietHours(PlanEvent e) {
        PlanSnapshot p = e.plan();
        PlanSnapshot plan = new PlanSnapshot(p.planId(), p.version(), p.status(), p.client(), p.timeZone(), p.startDate(),
                p.endDate(), new PlanSnapshot.QuietHours(LocalTime.NOON, LocalTime.NOON), p.urgency(), p.items());
        return new PlanEvent(e.eventId(), e.type(), e.schemaVersion(), e.planId(), e.planVersion(), e.occurredAt(), e.change(), plan);
    }
}
