package dev.wellplan.notifier.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.Inbox;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** The "your plan changed" e-mail end to end: Kafka in, the ledger, GreenMail out. */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class PlanChangeMailTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(90);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);
    private static final String CHANGED = "Your plan changed";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Jdbi jdbi;

    @Test
    void a_change_says_what_moved_where_and_why_and_its_calendar_withdraws_what_is_off_the_plan() throws Exception {
        ClientPlans client = new ClientPlans();
        PlanSnapshot v1 = client.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems());
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated, v1));
        await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> !m.isEmpty());

        LocalDateTime oldStart = ClientPlans.inDays(24, 10, 0);
        LocalDateTime newStart = ClientPlans.inDays(25, 11, 0);
        List<PlanSnapshot.Item> items = new ArrayList<>(v1.items());
        items.replaceAll(i -> i.id().equals("massage-2") ? ClientPlans.massage("massage-2", newStart, "SWEDISH") : i);
        items.removeIf(i -> i.id().equals("strength-w2-d1"));
        PlanEvent v2 = change(client, PlanEventType.PlanAdjusted, client.snapshot(2, "ACTIVE", "NONE", items),
                "client asked to move the session", false, PlanEvent.Cause.COACH);
        client.publish(bootstrap, v2);

        MimeMessage changed = await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email, CHANGED), m -> !m.isEmpty())
                .get(0);
        assertThat(Inbox.text(changed)).contains("Your coach updated your plan.")
                .contains("- Your Swedish massage moved from " + oldStart.format(WHEN) + " to " + newStart.format(WHEN))
                .contains("- Your strength workout on " + ClientPlans.inDays(12, 7, 30).format(WHEN) + " is off your plan.")
                .contains("The reason: client asked to move the session.")
                .doesNotContain("check-in");
        assertThat(Inbox.html(changed)).contains("<li>Your Swedish massage moved from ");
        List<Part> files = Inbox.attachments(changed);
        assertThat(files).hasSize(2);
        assertThat(Inbox.contentType(files.get(0))).contains("method=REQUEST");
        assertThat(Inbox.contentType(files.get(1))).contains("method=CANCEL");
        assertThat(withdrawn(files.get(1))).containsExactly(tuple(uid(client, "strength-w2-d1"), "CANCELLED", "2"));

        // the coach removes the self-massage day silently: no e-mail
        List<PlanSnapshot.Item> quiet = new ArrayList<>(items);
        quiet.removeIf(i -> i.id().equals("self-massage-w2-d1"));
        client.publish(bootstrap, change(client, PlanEventType.PlanAdjusted, client.snapshot(3, "ACTIVE", "NONE", quiet),
                "plan tidied", true, PlanEvent.Cause.COACH));
        // a red flag at a check-in: the sessions and what follows them are off until clearance
        List<PlanSnapshot.Item> held = new ArrayList<>(quiet);
        held.removeIf(i -> i.id().startsWith("massage-"));
        held.add(TestEvents.clearance(ClientPlans.inDays(1, 9, 30)));
        client.publish(bootstrap, TestEvents.awaitingClearance(change(client, PlanEventType.PlanStatusChanged,
                client.snapshot(4, "AWAITING_CLEARANCE", "SEE_DOCTOR", held), "red flag reported at a check-in", false,
                PlanEvent.Cause.CHECK_IN), 4L));

        MimeMessage redFlag = await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email, CHANGED), m -> m.size() == 2)
                .stream().filter(m -> Inbox.text(m).contains("check-in")).findFirst().orElseThrow();
        assertThat(Inbox.text(redFlag)).contains("Because of what you reported at your check-in, your massage sessions "
                + "are on hold until a doctor has seen you.").doesNotContain("Your coach updated")
                .contains("Your Swedish massage on " + newStart.format(WHEN) + " is off your plan.");
        List<Part> redFlagFiles = Inbox.attachments(redFlag);
        assertThat(withdrawn(redFlagFiles.get(redFlagFiles.size() - 1))).as("removed silently at v3 too")
                .containsExactlyInAnyOrder(tuple(uid(client, "strength-w2-d1"), "CANCELLED", "4"),
                        tuple(uid(client, "self-massage-w2-d1"), "CANCELLED", "4"),
                        tuple(uid(client, "massage-1"), "CANCELLED", "4"),
                        tuple(uid(client, "massage-1-aftercare"), "CANCELLED", "4"),
                        tuple(uid(client, "massage-1-checkin-24h"), "CANCELLED", "4"),
                        tuple(uid(client, "massage-2"), "CANCELLED", "4"));

        // v2 published again: nothing changes, nobody is told twice
        client.publish(bootstrap, new PlanEvent(UUID.randomUUID(), v2.type(), v2.schemaVersion(), v2.planId(), 2,
                Instant.now(), v2.change(), v2.plan()));
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(client.planId) == 5);
        assertThat(outcomes(client.planId)).containsExactly("APPLIED", "APPLIED", "APPLIED", "APPLIED", "STALE");
        assertThat(Inbox.to(client.email, CHANGED)).hasSize(2);
    }

    @Test
    void a_cancellation_is_one_e_mail_that_withdraws_every_entry_and_stops_everything() throws Exception {
        ClientPlans client = new ClientPlans();
        PlanSnapshot v1 = client.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems());
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated, v1));
        await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> !m.isEmpty());
        List<PlanSnapshot.Item> fewer = new ArrayList<>(v1.items());
        fewer.removeIf(i -> i.id().equals("review"));
        client.publish(bootstrap, change(client, PlanEventType.PlanAdjusted, client.snapshot(2, "ACTIVE", "NONE", fewer),
                "review dropped", true, PlanEvent.Cause.COACH));
        client.publish(bootstrap, change(client, PlanEventType.PlanStatusChanged,
                client.snapshot(3, "CANCELLED", "NONE", fewer), "plan cancelled", false, PlanEvent.Cause.COACH));

        MimeMessage cancelled = await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email, "cancelled"),
                m -> !m.isEmpty()).get(0);
        assertThat(Inbox.attachments(cancelled)).singleElement().satisfies(ics -> {
            assertThat(Inbox.contentType(ics)).contains("method=CANCEL");
            assertThat(withdrawn(ics)).hasSize(7).extracting(t -> t.toList().get(0))
                    .contains(uid(client, "review"), uid(client, "massage-2"));
        });
        int pending = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifier.reminder WHERE plan_id = :p "
                + "AND status = 'SCHEDULED' AND kind NOT IN ('WELCOME', 'PLAN_CANCELLED')").bind("p", client.planId)
                .mapTo(Integer.class).one());
        assertThat(pending).as("nothing else will go out").isZero();
        assertThat(Inbox.to(client.email)).extracting(Inbox::subject).filteredOn(s -> s.contains("cancelled")).hasSize(1);
        assertThat(Inbox.to(client.email, CHANGED)).isEmpty();
    }

    private static PlanEvent change(ClientPlans client, PlanEventType type, PlanSnapshot plan, String reason,
                                    boolean silent, PlanEvent.Cause cause) {
        return new PlanEvent(UUID.randomUUID(), type, PlanEvent.SCHEMA_VERSION, client.planId, plan.version(),
                Instant.now(), new PlanEvent.Change("coach", reason, silent, cause), plan);
    }

    private int processed(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM notifier.processed_event WHERE plan_id = :p")
                .bind("p", planId).mapTo(Integer.class).one());
    }

    private List<String> outcomes(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT outcome FROM notifier.processed_event WHERE plan_id = :p "
                + "ORDER BY processed_at, plan_version").bind("p", planId).mapTo(String.class).list());
    }

    private static String uid(ClientPlans client, String itemId) {
        return client.planId + "-" + itemId + "@wellplan";
    }

    /** UID, STATUS and SEQUENCE of each event of a METHOD:CANCEL calendar. */
    private static List<org.assertj.core.groups.Tuple> withdrawn(Part ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(Inbox.content(ics)));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().map(e -> tuple(value(e, Property.UID), value(e, Property.STATUS),
                value(e, Property.SEQUENCE))).toList();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
