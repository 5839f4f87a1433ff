package dev.wellplan.notifier.reminder.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.reminders.ReminderPolicy;
import dev.wellplan.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ReminderScheduleTest {

    // Far in the future so the dispatcher leaves these reminders alone while the test looks at them.
    private static final LocalDateTime MASSAGE = LocalDateTime.parse("2035-03-06T10:00");
    private static final LocalDateTime STRENGTH = LocalDateTime.parse("2035-03-07T07:30");
    private static final Instant AT = Instant.parse("2035-03-01T09:00:00Z");

    @Inject
    ReminderSchedule schedule;

    @Inject
    ReminderPolicy policy;

    @Inject
    Jdbi jdbi;

    @Inject
    PlanChanges changes;

    private ReminderSchedule.Outcome reconcile(PlanEvent event) {
        return schedule.reconcile(event, policy.desired(event));
    }

    private List<ReminderRow> reminders(UUID planId) {
        return jdbi.onDemand(ReminderDao.class).findByPlan(planId).stream()
                .filter(r -> !r.kind().equals("WELCOME")).toList();
    }

    private List<ReminderRow> live(UUID planId) {
        return reminders(planId).stream().filter(r -> !r.status().equals("CANCELLED")).toList();
    }

    private PlanEvent v1(UUID planId) {
        return TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon", AT,
                List.of(TestEvents.massage("massage-1", MASSAGE), TestEvents.strength("strength-1", STRENGTH)));
    }

    @Test
    void a_request_for_fresh_links_adds_its_answer_and_no_version_takes_it_away() {
        UUID planId = UUID.randomUUID();
        PlanEvent v1 = v1(planId);
        reconcile(v1);
        PlanEvent request = new PlanEvent(UUID.randomUUID(), PlanEventType.AccessLinkRequested, v1.schemaVersion(),
                planId, 1, AT, new PlanEvent.Change(null, "fresh links by e-mail", false), v1.plan());

        assertThat(reconcile(request)).isEqualTo(ReminderSchedule.Outcome.APPLIED);
        assertThat(reconcile(request)).isEqualTo(ReminderSchedule.Outcome.DUPLICATE);
        PlanEvent v2 = TestEvents.event(planId, 2, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon", AT,
                List.of(TestEvents.strength("strength-1", STRENGTH)));
        reconcile(v2);

        String answer = planId + ":request-" + request.eventId() + ":access_link";
        assertThat(live(planId)).extracting(ReminderRow::id).contains(answer);
        long applied = jdbi.withHandle(h -> h.createQuery("SELECT version FROM notifier.plan_state WHERE plan_id = :id")
                .bind("id", planId).mapTo(Long.class).one());
        assertThat(applied).as("a request is not a version").isEqualTo(2);
    }

    @Test
    void applying_an_event_schedules_its_reminders_and_a_duplicate_changes_nothing() {
        UUID planId = UUID.randomUUID();
        PlanEvent v1 = v1(planId);

        assertThat(reconcile(v1)).isEqualTo(ReminderSchedule.Outcome.APPLIED);
        List<ReminderRow> first = reminders(planId);
        assertThat(reconcile(v1)).isEqualTo(ReminderSchedule.Outcome.DUPLICATE);

        assertThat(first).extracting(ReminderRow::kind, ReminderRow::localTime, ReminderRow::status).containsExactly(
                tuple("MASSAGE_DAY_BEFORE", MASSAGE.minusDays(1), "SCHEDULED"),
                tuple("STRENGTH_DAY", STRENGTH, "SCHEDULED"));
        assertThat(reminders(planId)).isEqualTo(first);
    }

    @Test
    void a_newer_version_cancels_moves_and_keeps_and_an_older_one_is_ignored() {
        UUID planId = UUID.randomUUID();
        PlanEvent v1 = v1(planId);
        PlanEvent v2 = TestEvents.event(planId, 2, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon", AT,
                List.of(TestEvents.strength("strength-1", STRENGTH.plusDays(1))));

        reconcile(v2);
        assertThat(reconcile(v1)).as("v1 after v2").isEqualTo(ReminderSchedule.Outcome.STALE);

        assertThat(reminders(planId)).extracting(ReminderRow::kind, ReminderRow::localTime, ReminderRow::planVersion)
                .containsExactlyInAnyOrder(
                        tuple("STRENGTH_DAY", STRENGTH.plusDays(1), 2L),
                        tuple("PLAN_CHANGED", LocalDateTime.parse("2035-03-01T09:00"), 2L));
    }

    @Test
    void replaying_every_version_in_reverse_leaves_the_newest_schedule() {
        UUID inOrder = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();
        for (UUID planId : List.of(inOrder, reversed)) {
            PlanEvent v1 = v1(planId);
            PlanEvent v2 = TestEvents.event(planId, 2, PlanEventType.PlanStatusChanged, "PAUSED", "Europe/Lisbon", AT, v1.plan().items());
            PlanEvent v3 = TestEvents.event(planId, 3, PlanEventType.PlanStatusChanged, "ACTIVE", "Europe/Lisbon", AT, v1.plan().items());
            List<PlanEvent> events = planId == inOrder ? List.of(v1, v2, v3) : List.of(v3, v2, v1, v3, v1);
            events.forEach(this::reconcile);
        }

        // The schedule is what is not cancelled: in order, v2's "plan changed" notice was scheduled, then withdrawn.
        assertThat(live(reversed)).extracting(ReminderRow::kind, ReminderRow::dueAt, ReminderRow::status)
                .isEqualTo(live(inOrder).stream().map(r -> tuple(r.kind(), r.dueAt(), r.status())).toList());
    }

    @Test
    void a_client_who_moves_time_zone_gets_the_remaining_reminders_at_the_same_local_times() {
        UUID planId = UUID.randomUUID();
        reconcile(v1(planId));
        PlanEvent moved = TestEvents.event(planId, 2, PlanEventType.PlanAdjusted, "ACTIVE", "America/New_York", AT,
                v1(planId).plan().items());

        reconcile(moved);

        ReminderRow strength = reminders(planId).stream().filter(r -> r.kind().equals("STRENGTH_DAY")).findFirst().orElseThrow();
        assertThat(strength.timeZone()).isEqualTo("America/New_York");
        assertThat(strength.localTime()).isEqualTo(STRENGTH);
        assertThat(strength.dueAt()).isEqualTo(STRENGTH.atZone(java.time.ZoneId.of("America/New_York")).toInstant());
        assertThat(strength.status()).isEqualTo("SCHEDULED");
    }

    @Test
    void a_moved_item_whose_reminder_was_sent_gets_one_at_its_new_time_and_a_replay_changes_nothing() {
        UUID planId = UUID.randomUUID();
        reconcile(v1(planId));
        String sentFor1030 = planId + ":strength-1@2035-03-07T07:30:00:strength_day";
        markSent(sentFor1030);
        PlanEvent moved = TestEvents.event(planId, 2, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon", AT,
                List.of(TestEvents.massage("massage-1", MASSAGE), TestEvents.strength("strength-1", STRENGTH.plusHours(3))));

        reconcile(moved);
        List<ReminderRow> after = reminders(planId);
        assertThat(reconcile(moved)).as("the same event again").isEqualTo(ReminderSchedule.Outcome.DUPLICATE);
        PlanEvent replayed = new PlanEvent(UUID.randomUUID(), moved.type(), moved.schemaVersion(), planId, 2, AT,
                moved.change(), moved.plan());
        assertThat(reconcile(replayed)).as("published again").isEqualTo(ReminderSchedule.Outcome.STALE);

        assertThat(reminders(planId)).isEqualTo(after);
        assertThat(after).filteredOn(r -> r.kind().equals("STRENGTH_DAY"))
                .extracting(ReminderRow::id, ReminderRow::localTime, ReminderRow::status).containsExactlyInAnyOrder(
                        tuple(sentFor1030, STRENGTH, "SENT"),
                        tuple(planId + ":strength-1@2035-03-07T10:30:00:strength_day", STRENGTH.plusHours(3),
                                "SCHEDULED"));
        assertThat(after).filteredOn(r -> r.kind().equals("MASSAGE_DAY_BEFORE")).singleElement()
                .satisfies(r -> assertThat(r.planVersion()).as("left as it was").isEqualTo(1L));
    }

    @Test
    void a_moved_item_whose_reminder_was_not_sent_has_it_cancelled_and_moving_back_brings_it_back() {
        UUID planId = UUID.randomUUID();
        reconcile(v1(planId));
        PlanEvent moved = TestEvents.event(planId, 2, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon", AT,
                List.of(TestEvents.massage("massage-1", MASSAGE), TestEvents.strength("strength-1", STRENGTH.plusDays(1))));
        PlanEvent back = TestEvents.event(planId, 3, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon", AT,
                v1(planId).plan().items());

        reconcile(moved);
        assertThat(live(planId)).filteredOn(r -> r.kind().equals("STRENGTH_DAY")).extracting(ReminderRow::localTime)
                .containsExactly(STRENGTH.plusDays(1));
        reconcile(back);

        assertThat(reminders(planId)).filteredOn(r -> r.kind().equals("STRENGTH_DAY"))
                .extracting(ReminderRow::localTime, ReminderRow::status).containsExactlyInAnyOrder(
                        tuple(STRENGTH, "SCHEDULED"), tuple(STRENGTH.plusDays(1), "CANCELLED"));
    }

    @Test
    void the_see_a_doctor_notice_goes_once_per_clearance_episode() {
        UUID planId = UUID.randomUUID();
        List<PlanSnapshot.Item> held = List.of(TestEvents.clearance(MASSAGE.minusDays(3)));
        reconcile(TestEvents.awaitingClearance(TestEvents.event(planId, 2, PlanEventType.PlanStatusChanged,
                "AWAITING_CLEARANCE", "Europe/Lisbon", AT, held), 2L));
        markSent(planId + ":clearance-since-v2:awaiting_clearance");
        reconcile(TestEvents.awaitingClearance(TestEvents.event(planId, 3, PlanEventType.PlanAssigned,
                "AWAITING_CLEARANCE", "Europe/Lisbon", AT, held), 2L));
        reconcile(TestEvents.event(planId, 4, PlanEventType.PlanStatusChanged, "ACTIVE", "Europe/Lisbon", AT,
                v1(planId).plan().items()));
        reconcile(TestEvents.awaitingClearance(TestEvents.event(planId, 5, PlanEventType.PlanStatusChanged,
                "AWAITING_CLEARANCE", "Europe/Lisbon", AT, held), 5L));
        reconcile(TestEvents.awaitingClearance(TestEvents.event(planId, 6, PlanEventType.PlanAdjusted,
                "AWAITING_CLEARANCE", "Europe/Lisbon", AT, held), 5L));

        assertThat(reminders(planId)).filteredOn(r -> r.kind().equals("AWAITING_CLEARANCE"))
                .extracting(ReminderRow::id, ReminderRow::status, ReminderRow::planVersion).containsExactlyInAnyOrder(
                        tuple(planId + ":clearance-since-v2:awaiting_clearance", "SENT", 2L),
                        tuple(planId + ":clearance-since-v5:awaiting_clearance", "SCHEDULED", 5L));
    }

    @Test
    void reminders_written_before_ids_named_the_item_s_start_take_their_new_ids_and_stay_sent() throws Exception {
        UUID planId = UUID.randomUUID();
        PlanEvent v1 = v1(planId);
        reconcile(v1);
        ReminderDao dao = jdbi.onDemand(ReminderDao.class);
        // the ledger as the notifier wrote it before: <plan>:<item>:<kind>, the massage reminder already sent
        jdbi.useHandle(h -> {
            h.execute("UPDATE notifier.reminder SET id = plan_id || ':' || item_id || ':' || lower(kind) "
                    + "WHERE plan_id = ? AND item_id IS NOT NULL", planId);
            h.execute("UPDATE notifier.reminder SET status = 'SENT', sent_at = now(), message_id = '<x@wellplan>' "
                    + "WHERE id = ?", planId + ":massage-1:massage_day_before");
        });
        UUID awaiting = UUID.randomUUID();
        reconcile(TestEvents.awaitingClearance(TestEvents.event(awaiting, 2, PlanEventType.PlanStatusChanged,
                "AWAITING_CLEARANCE", "Europe/Lisbon", AT, List.of(TestEvents.clearance(MASSAGE))), null));
        jdbi.useHandle(h -> h.execute("UPDATE notifier.reminder SET id = plan_id || ':clearance:awaiting_clearance' "
                + "WHERE plan_id = ? AND kind = 'AWAITING_CLEARANCE'", awaiting));

        jdbi.useHandle(h -> h.createScript(migration("V7__reminder_ids_name_the_item_start.sql")).execute());
        reconcile(TestEvents.event(planId, 2, PlanEventType.PlanAssigned, "ACTIVE", "Europe/Lisbon", AT,
                v1.plan().items()));

        assertThat(dao.findByPlan(planId)).filteredOn(r -> !r.kind().equals("WELCOME"))
                .extracting(ReminderRow::id, ReminderRow::status).containsExactlyInAnyOrder(
                        tuple(planId + ":massage-1@2035-03-06T10:00:00:massage_day_before", "SENT"),
                        tuple(planId + ":strength-1@2035-03-07T07:30:00:strength_day", "SCHEDULED"));
        assertThat(dao.findByPlan(awaiting)).filteredOn(r -> r.kind().equals("AWAITING_CLEARANCE"))
                .extracting(ReminderRow::id).containsExactly(awaiting + ":clearance-since-v2:awaiting_clearance");
    }

    @Test
    void AFT_2_no_soreness_at_24h_cancels_the_48h_check_in_for_good() {
        UUID planId = UUID.randomUUID();
        List<PlanSnapshot.Item> items = List.of(TestEvents.massage("massage-1", MASSAGE),
                new PlanSnapshot.Item("massage-1-checkin-24h", "CHECK_IN", MASSAGE.plusDays(1), 5, null, null, null,
                        List.of(), List.of("AFT-2")),
                new PlanSnapshot.Item("massage-1-checkin-48h", "CHECK_IN", MASSAGE.plusDays(2), 5, null, null, null,
                        List.of(), List.of("AFT-3")));
        PlanEvent v1 = TestEvents.event(planId, 1, PlanEventType.PlanCreated, "ACTIVE", "Europe/Lisbon", AT, items);
        reconcile(v1);
        PlanEvent sore = new PlanEvent(UUID.randomUUID(), PlanEventType.CheckInRecorded, PlanEvent.SCHEMA_VERSION,
                planId, 1, AT, PlanEvent.Change.none(), v1.plan(), new PlanEvent.CheckIn("massage-1", true));
        reconcile(sore);
        assertThat(live(planId)).extracting(ReminderRow::itemId).contains("massage-1-checkin-48h");

        reconcile(new PlanEvent(UUID.randomUUID(), PlanEventType.CheckInRecorded, PlanEvent.SCHEMA_VERSION, planId, 1,
                AT, PlanEvent.Change.none(), v1.plan(), new PlanEvent.CheckIn("massage-1", false)));
        reconcile(TestEvents.event(planId, 2, PlanEventType.PlanAdjusted, "ACTIVE", "America/New_York", AT, items));

        assertThat(reminders(planId)).filteredOn(r -> "CHECK_IN".equals(r.kind()))
                .extracting(ReminderRow::itemId, ReminderRow::status, ReminderRow::lastError).containsExactlyInAnyOrder(
                        tuple("massage-1-checkin-24h", "SCHEDULED", null),
                        tuple("massage-1-checkin-48h", "CANCELLED", ReminderPolicy.NO_FOLLOW_UP));
    }

    private void markSent(String reminderId) {
        int marked = jdbi.withHandle(h -> h.execute("UPDATE notifier.reminder SET status = 'SENT', sent_at = now(), "
                + "message_id = '<' || md5(id) || '@wellplan.local>' WHERE id = ?", reminderId));
        assertThat(marked).as(reminderId).isEqualTo(1);
    }

    private static String migration(String name) throws java.io.IOException {
        try (var in = ReminderScheduleTest.class.getResourceAsStream("/db/migration/notifier/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void one_batch_records_each_version_s_change_against_the_version_before_it() {
        UUID planId = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        PlanEvent v1 = v1(planId);
        PlanEvent v2 = withChange(TestEvents.event(planId, 2, PlanEventType.PlanStatusChanged, "PAUSED", "Europe/Lisbon", AT,
                List.of(TestEvents.strength("strength-1", STRENGTH))), new PlanEvent.Change(null, "client's holiday",
                true, PlanEvent.Cause.CHECK_IN));
        PlanEvent v3 = TestEvents.event(planId, 3, PlanEventType.PlanAdjusted, "ACTIVE", "Europe/Lisbon", AT,
                List.of(TestEvents.massage("massage-1", MASSAGE.plusDays(1))));
        PlanEvent otherV1 = v1(other);

        // v1 and v2 of one plan in one batch (two rounds), v3 in the next, another plan's v1 alongside
        assertThat(schedule.reconcileAll(List.of(applying(v1), applying(otherV1), applying(v2))))
                .containsOnly(ReminderSchedule.Outcome.APPLIED);
        assertThat(schedule.reconcileAll(List.of(applying(v3), applying(v2))))
                .containsExactly(ReminderSchedule.Outcome.APPLIED, ReminderSchedule.Outcome.DUPLICATE);

        assertThat(changes.of(planId)).extracting(PlanChange::version, PlanChange::cause, PlanChange::reason,
                        PlanChange::silent, PlanChange::statusBefore, PlanChange::statusAfter, PlanChange::before,
                        PlanChange::after)
                .containsExactly(
                        tuple(1L, PlanEvent.Cause.COACH, null, false, null, "ACTIVE", null, v1.plan().items()),
                        tuple(2L, PlanEvent.Cause.CHECK_IN, "client's holiday", true, "ACTIVE", "PAUSED",
                                v1.plan().items(), v2.plan().items()),
                        tuple(3L, PlanEvent.Cause.COACH, null, false, "PAUSED", "ACTIVE", v2.plan().items(),
                                v3.plan().items()));
        assertThat(changes.of(other)).extracting(PlanChange::version, PlanChange::before, PlanChange::after)
                .containsExactly(tuple(1L, null, otherV1.plan().items()));
        String applied = jdbi.withHandle(h -> h.createQuery(
                        "SELECT status || ' v' || version FROM notifier.plan_state WHERE plan_id = :id")
                .bind("id", planId).mapTo(String.class).one());
        assertThat(applied).isEqualTo("ACTIVE v3");
        assertThat(jdbi.onDemand(ReminderDao.class).snapshot(planId)).get()
                .satisfies(json -> assertThat(PlanEventCodec.fromJson(json)).isEqualTo(v3));
    }

    private ReminderSchedule.Applying applying(PlanEvent event) {
        return new ReminderSchedule.Applying(event, policy.desired(event));
    }

    private static PlanEvent withChange(PlanEvent e, PlanEvent.Change change) {
        return new PlanEvent(e.eventId(), e.type(), e.schemaVersion(), e.planId(), e.planVersion(), e.occurredAt(),
                change, e.plan());
    }

    @Test
    void the_schedule_change_and_the_processed_mark_roll_back_together() {
        UUID planId = UUID.randomUUID();
        PlanEvent v1 = v1(planId);

        QuarkusTransaction.begin();
        reconcile(v1);
        assertThat(reminders(planId)).as("inside the transaction").hasSize(2);
        QuarkusTransaction.rollback();

        assertThat(reminders(planId)).isEmpty();
        assertThat(reconcile(v1)).as("not marked processed").isEqualTo(ReminderSchedule.Outcome.APPLIED);
    }
}
