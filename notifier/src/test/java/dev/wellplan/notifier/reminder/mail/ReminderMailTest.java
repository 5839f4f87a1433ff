package dev.wellplan.notifier.reminder.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEventType;
import dev.wellplan.contract.PlanSnapshot;
import dev.wellplan.notifier.ClientPlans;
import dev.wellplan.notifier.Inbox;
import dev.wellplan.notifier.RealServers;
import dev.wellplan.notifier.links.ClientLinks;
import dev.wellplan.notifier.reminder.schedule.ReminderRow;
import dev.wellplan.reminders.ReminderKind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class ReminderMailTest {

    /** Long enough for one retry: a send that times out on a loaded machine is tried again 30 s later. */
    private static final Duration MAIL_WAIT = Duration.ofSeconds(90);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    MailComposer composer;

    @Inject
    ClientLinks links;

    @Test
    void an_unconfirmed_enrollment_gets_only_the_request_to_confirm_which_echoes_nothing_of_the_form() throws Exception {
        ClientPlans client = new ClientPlans();
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated,
                client.snapshot(1, "PENDING_CONFIRMATION", "NONE", ClientPlans.activeItems())));

        MimeMessage request = await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> !m.isEmpty()).get(0);

        assertThat(Inbox.subject(request)).isEqualTo("Please confirm your back-care plan");
        String text = Inbox.text(request);
        assertThat(text).startsWith("Hello,").doesNotContain("Ana").doesNotContain("Souza")
                .containsPattern("http://localhost:8080/confirm\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")
                .contains("If it was not you, do nothing");
        assertThat(Inbox.html(request)).doesNotContain("Ana Souza").contains("href=\"http://localhost:8080/confirm?token=");
        assertThat(Inbox.attachments(request)).as("no calendar before the client confirms").isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Inbox.to(client.email).size() == 1); // nothing else: no welcome, no reminder
    }

    @Test
    void fresh_links_asked_for_by_the_client_arrive_with_the_plan_and_its_calendar() throws Exception {
        ClientPlans client = new ClientPlans();
        PlanSnapshot active = client.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems());
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated, active));
        await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> m.size() == 1);

        client.publish(bootstrap, new dev.wellplan.contract.PlanEvent(java.util.UUID.randomUUID(),
                PlanEventType.AccessLinkRequested, dev.wellplan.contract.PlanEvent.SCHEMA_VERSION, client.planId, 1,
                Instant.now(), new dev.wellplan.contract.PlanEvent.Change(null, "fresh links by e-mail", false), active));

        MimeMessage links = await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> m.size() == 2).get(1);
        assertThat(Inbox.subject(links)).isEqualTo("Your wellplan links");
        assertThat(Inbox.text(links))
                .contains("http://localhost:8080/plans/" + client.planId + "?token=")
                .contains("webcal://localhost:8080/api/plans/" + client.planId + "/calendar.ics?token=");
    }

    @Test
    void the_welcome_has_both_parts_the_plan_as_an_invitation_and_one_click_unsubscribe_headers() throws Exception {
        ClientPlans client = new ClientPlans();
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated,
                client.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems())));

        MimeMessage welcome = await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> !m.isEmpty()).get(0);

        assertThat(Inbox.subject(welcome)).isEqualTo("Your four-week back-care plan");
        assertThat(Inbox.header(welcome, "Message-ID")).isEqualTo(MailComposer.messageId(client.planId + ":plan:welcome"));
        assertThat(Inbox.header(welcome, "List-Unsubscribe"))
                .matches("<http://localhost:8081/unsubscribe\\?token=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
        assertThat(Inbox.header(welcome, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String text = Inbox.text(welcome);
        assertThat(text).startsWith("Hello Ana Souza,")
                .contains("the primer")                                                   // ACT-4
                .contains("Speak up about pressure").contains("\"no pain, no gain\" is wrong here") // AFT-4, MAS-4
                .contains("Keep an hour or two free after each session")                  // MAS-5
                .contains("drink water and move your joints")                             // AFT-1
                .contains("Slight soreness the next day is normal").contains("48 hours")  // AFT-2, AFT-3
                .contains("numbness, tingling or weakness in your legs")                  // SAFE-1
                .contains("webcal://localhost:8080/api/plans/" + client.planId + "/calendar.ics?token=")
                .contains("See your plan, day by day: http://localhost:8080/plans/" + client.planId + "?token=")
                .contains("Unsubscribe: http://localhost:8081/unsubscribe?token=")
                .contains("Choose which reminders you get: http://localhost:8081/preferences?token=")
                .doesNotContain("{").doesNotContain("&mdash;");
        assertThat(Inbox.html(welcome)).contains("<p>Hello Ana Souza,</p>")
                .contains("<strong>Speak up about pressure.</strong>")
                .contains("href=\"webcal://localhost:8080/api/plans/" + client.planId + "/calendar.ics?token=")
                .contains("href=\"http://localhost:8080/plans/" + client.planId + "?token=")
                .contains("href=\"http://localhost:8081/unsubscribe?token=");

        List<Part> attachments = Inbox.attachments(welcome);
        assertThat(attachments).hasSize(1);
        assertThat(Inbox.contentType(attachments.get(0))).startsWith("text/calendar").contains("method=REQUEST");
        Calendar ics = parse(Inbox.content(attachments.get(0)));
        assertThat(ics.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
        assertThat(events(ics)).extracting(e -> value(e, Property.UID), e -> value(e, Property.SEQUENCE))
                .contains(tuple(client.planId + "-massage-1@wellplan", "1"),
                        tuple(client.planId + "-strength-w2-d1@wellplan", "1"),
                        tuple(client.planId + "-review@wellplan", "1"))
                .hasSize(7);
    }

    @Test
    void a_plan_change_sends_the_updated_calendar_and_a_cancellation_withdraws_it() throws Exception {
        ClientPlans client = new ClientPlans();
        PlanSnapshot v1 = client.snapshot(1, "ACTIVE", "NONE", ClientPlans.activeItems());
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated, v1));
        await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> !m.isEmpty());

        List<PlanSnapshot.Item> moved = new ArrayList<>(v1.items());
        LocalDateTime newStart = ClientPlans.inDays(25, 11, 0);
        moved.replaceAll(i -> i.id().equals("massage-2") ? ClientPlans.massage("massage-2", newStart, "SWEDISH") : i);
        client.publish(bootstrap, client.event(PlanEventType.PlanAdjusted, client.snapshot(2, "ACTIVE", "NONE", moved)));

        MimeMessage changed = await().atMost(MAIL_WAIT)
                .until(() -> Inbox.to(client.email, "Your plan changed"), m -> !m.isEmpty()).get(0);
        assertThat(Inbox.text(changed)).contains("Your coach updated your plan")
                .contains("speak up if the pressure is too hard");
        assertThat(Inbox.header(changed, "List-Unsubscribe")).startsWith("<http://localhost:8081/unsubscribe?token=");
        Calendar update = parse(Inbox.content(Inbox.attachments(changed).get(0)));
        VEvent session = events(update).stream()
                .filter(e -> value(e, Property.UID).equals(client.planId + "-massage-2@wellplan")).findFirst()
                .orElseThrow();
        assertThat(value(session, Property.SEQUENCE)).isEqualTo("2");
        assertThat(Instant.from(session.getStartDate().orElseThrow().getDate()))
                .isEqualTo(newStart.atZone(ClientPlans.ZONE).toInstant());

        client.publish(bootstrap, client.event(PlanEventType.PlanStatusChanged,
                client.snapshot(3, "CANCELLED", "NONE", moved)));

        MimeMessage cancelled = await().atMost(MAIL_WAIT)
                .until(() -> Inbox.to(client.email, "cancelled"), m -> !m.isEmpty()).get(0);
        Part ics = Inbox.attachments(cancelled).get(0);
        assertThat(Inbox.contentType(ics)).contains("method=CANCEL");
        Calendar withdrawal = parse(Inbox.content(ics));
        assertThat(withdrawal.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
        assertThat(events(withdrawal)).hasSize(7).allSatisfy(e -> {
            assertThat(value(e, Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(value(e, Property.SEQUENCE)).isEqualTo("3");
        });
    }

    @Test
    void an_urgent_red_flag_says_seek_care_today_and_attaches_no_empty_calendar() throws Exception {
        ClientPlans client = new ClientPlans();
        client.publish(bootstrap, client.event(PlanEventType.PlanCreated, client.snapshot(1, "AWAITING_CLEARANCE",
                "SEEK_CARE_TODAY", List.of(ClientPlans.item("clearance", "CLEARANCE", ClientPlans.inMinutes(60), 15,
                        "SAFE-1", "SAFE-3")))));

        List<MimeMessage> mails = await().atMost(MAIL_WAIT).until(() -> Inbox.to(client.email), m -> m.size() == 2);

        MimeMessage urgent = mails.stream().filter(m -> Inbox.subject(m).contains("seek care today")).findFirst()
                .orElseThrow();
        assertThat(Inbox.text(urgent)).contains("Please seek care today")
                .contains("SEEK CARE TODAY: new bladder or bowel changes or numbness in the saddle area");
        assertThat(Inbox.html(urgent)).contains("<strong>Seek care today.</strong>");
        MimeMessage welcome = mails.stream().filter(m -> Inbox.subject(m).contains("four-week")).findFirst()
                .orElseThrow();
        assertThat(Inbox.text(welcome)).contains("please see a doctor").doesNotContain("Speak up about pressure");
        assertThat(Inbox.attachments(welcome)).as("a plan with nothing to put in a calendar attaches none").isEmpty();
    }

    @Test
    void every_reminder_kind_has_words_that_carry_its_rules() {
        ClientPlans client = new ClientPlans();
        PlanSnapshot plan = client.snapshot(1, "ACTIVE", "NONE", List.of(
                ClientPlans.massage("massage-1", ClientPlans.inDays(2, 10, 0), "DEEP_TISSUE"),
                ClientPlans.item("massage-1-aftercare", "AFTERCARE", ClientPlans.inDays(2, 11, 50), 15, "AFT-1"),
                ClientPlans.item("massage-1-checkin-24h", "CHECK_IN", ClientPlans.inDays(3, 10, 0), 5, "AFT-2"),
                ClientPlans.item("massage-1-checkin-48h", "CHECK_IN", ClientPlans.inDays(4, 10, 0), 5, "AFT-3"),
                ClientPlans.item("strength-w1-d1", "STRENGTH", ClientPlans.inDays(5, 7, 30), 30, "ACT-1"),
                ClientPlans.item("self-massage-w1-d1", "SELF_MASSAGE", ClientPlans.inDays(6, 19, 0), 10, "ACT-3"),
                ClientPlans.item("review", "REVIEW", ClientPlans.inDays(27, 18, 0), 15, "LIF-2")));

        assertThat(words(plan, "massage-1", ReminderKind.MASSAGE_DAY_BEFORE, ClientPlans.inDays(1, 10, 0)))
                .contains("Tomorrow at 10:00: your deep-tissue massage")
                .contains("Speak up if the pressure is too hard").contains("\"No pain, no gain\" is wrong here")
                .contains("Deep tissue is not always relaxing, but it should never make you tense up")
                .contains("Keep an hour or two free afterwards").contains("the primer");
        assertThat(words(plan, "massage-1-aftercare", ReminderKind.AFTERCARE, ClientPlans.inDays(2, 11, 50)))
                .contains("Drink a glass of water").contains("full range of motion").contains("short walk");
        assertThat(words(plan, "massage-1-checkin-24h", ReminderKind.CHECK_IN, ClientPlans.inDays(3, 10, 0)))
                .contains("Slight soreness today is normal").contains("0 to 10")
                .contains("numbness, tingling or weakness in your legs");
        assertThat(words(plan, "massage-1-checkin-48h", ReminderKind.CHECK_IN, ClientPlans.inDays(4, 10, 0)))
                .contains("Is the soreness still there?").contains("past 48 hours").contains("too intense")
                .containsPattern("Answer your check-in \\(two questions, under a minute\\): "
                        + "http://[^/]+/check-in\\?token=[^&\\s]+&item=massage-1\\s");
        String link = words(plan, "massage-1-checkin-24h", ReminderKind.CHECK_IN, ClientPlans.inDays(3, 10, 0))
                .lines().filter(l -> l.startsWith("Answer your check-in")).findFirst().orElseThrow();
        String token = link.substring(link.indexOf("token=") + 6, link.indexOf("&item="));
        assertThat(links.check(ClientLinks.CHECK_IN, token, Instant.now()).subject()).isEqualTo(plan.planId().toString());
        assertThat(links.check(ClientLinks.CHECK_IN, token, Instant.now()).valid()).isTrue();
        assertThat(links.check(ClientLinks.PREFERENCES, token, Instant.now()).valid()).as("its purpose only").isFalse();
        assertThat(words(plan, "strength-w1-d1", ReminderKind.STRENGTH_DAY, ClientPlans.inDays(5, 7, 30)))
                .contains("Today at 07:30: your strength workout").contains("- Glute bridge").contains("the cause");
        assertThat(words(plan, "self-massage-w1-d1", ReminderKind.SELF_MASSAGE, ClientPlans.inDays(6, 19, 0)))
                .contains("never straight on the spine");
        assertThat(words(plan, "review", ReminderKind.END_OF_PLAN, ClientPlans.inDays(27, 18, 0)))
                .contains("1 massage sessions").contains("1 strength workouts").contains("about six months")
                .contains("follow-up plan");
        assertThat(words(plan, null, ReminderKind.AWAITING_CLEARANCE, ClientPlans.inMinutes(0)))
                .contains("Please see a doctor before your massage sessions");
    }

    /** Subject and text of one composed reminder, after checking what every mail carries. */
    private String words(PlanSnapshot plan, String itemId, ReminderKind kind, LocalDateTime localTime) {
        ReminderRow row = new ReminderRow(plan.planId() + ":" + itemId + ":" + kind, plan.planId(), itemId, kind.name(),
                localTime.atZone(ClientPlans.ZONE).toInstant(), localTime, ClientPlans.ZONE.getId(), 1, "SENDING", 0,
                null, null, null);
        ReminderMail mail = composer.compose(row, plan, Instant.now());
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("Unsubscribe</a>");
        assertThat(mail.text()).contains("Unsubscribe: http://localhost:8081/unsubscribe?token=")
                .doesNotContain("{");
        assertThat(mail.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return mail.subject() + "\n" + mail.text();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }
}
