package dev.wellplan.planner.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.DeliveryEvent;
import dev.wellplan.contract.DeliveryEventCodec;
import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.planner.Api;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.CheckInScenes;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.alert.app.Alerts;
import dev.wellplan.planner.checkin.app.MissedCheckIns;
import dev.wellplan.planner.plan.app.PlanEnds;
import dev.wellplan.planner.plan.store.PlanDocuments;
import dev.wellplan.support.TransactionHandles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The coach's alerts (issue 11): what raises each kind, that each links its plan and clears when handled, and that a
 * coach sees their own plans' alerts and the pool's, an admin every plan's.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class AlertApiTest {

    @Inject
    MissedCheckIns missedCheckIns;

    @Inject
    PlanEnds planEnds;

    @Inject
    TransactionHandles handles;

    @Inject
    PlanDocuments documents;

    @Inject
    Alerts alerts;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static String alertsOf(String planId, String kind) {
        return "findAll { it.planId == '" + planId + "' && it.kind == '" + kind + "' }";
    }

    @Test
    void a_check_in_nobody_answered_12_hours_after_it_was_due_alerts_until_an_answer_comes() {
        String id = CheckInScenes.activePlan();
        String early = CheckInScenes.activePlan();
        // Plans move by whole days, so the watch looks at a moment of its own: 6 hours after the early plan's check-in
        // was due (answer not yet missing), and at least 12 hours after the other's (missing).
        CheckInScenes.sessionAgo(early, "massage-1", Duration.ofHours(24));
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(54));
        Instant watchedAt = CheckInScenes.startOf(early, "massage-1-checkin-24h").plus(Duration.ofHours(6));
        assertThat(CheckInScenes.startOf(id, "massage-1-checkin-24h").plus(MissedCheckIns.LATE)).isBefore(watchedAt);
        MissedCheckIns watch = new MissedCheckIns(handles, documents, alerts, Clock.fixed(watchedAt, ZoneOffset.UTC));

        watch.sweep();
        watch.sweep(); // a second watch, or a second planner, raises nothing more

        Api.asCoach().get("/api/coach/alerts").then()
                .body(alertsOf(id, "MISSED_CHECK_IN") + ".subject", equalTo(List.of("massage-1-checkin-24h")))
                .body(alertsOf(early, "MISSED_CHECK_IN"), empty());
        assertThat(Api.roster("alert=MISSED_CHECK_IN")).contains(id).doesNotContain(early);

        given().contentType(ContentType.JSON).queryParam("token", Api.link("check-in", id, Duration.ofHours(1)))
                .body("{\"itemId\": \"massage-1\", \"soreness\": 2, \"pain\": 2}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(201);
        Api.asCoach().get("/api/coach/alerts").then().body(alertsOf(id, "MISSED_CHECK_IN"), empty());
    }

    @Test
    void a_sore_answer_with_no_answer_48_hours_on_alerts_the_missed_follow_up() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.sessionAgo(id, "massage-1", Duration.ofHours(24));
        given().contentType(ContentType.JSON).queryParam("token", Api.link("check-in", id, Duration.ofHours(1)))
                .body("{\"itemId\": \"massage-1\", \"soreness\": 3, \"pain\": 2}")
                .post("/api/plans/" + id + "/check-ins").then().statusCode(201);
        CheckInScenes.shift(id, 2); // two days on: the +48 h check-in is 12 hours late or more

        missedCheckIns.sweep();

        Api.asCoach().get("/api/coach/alerts").then()
                .body(alertsOf(id, "MISSED_CHECK_IN") + ".subject", equalTo(List.of("massage-1-checkin-48h")));
    }

    @Test
    void a_plan_ending_this_week_alerts_and_at_its_end_is_completed_with_a_review_task_and_a_summary() {
        String id = CheckInScenes.activePlan();
        CheckInScenes.endsIn(id, 3);
        Api.asCoach().queryParam("kind", "ENDING_THIS_WEEK").get("/api/coach/alerts").then()
                .body("planId", hasItem(id));
        Api.asCoach().body("{\"soreness\": 2, \"pain\": 6}").post("/api/plans/" + id + "/check-ins")
                .then().statusCode(201);
        Api.asCoach().body("{\"soreness\": 0, \"pain\": 3}").post("/api/plans/" + id + "/check-ins")
                .then().statusCode(201);

        CheckInScenes.endsIn(id, -1);
        planEnds.completeEnded();

        Api.asCoach().get("/api/plans/" + id).then().body("status", equalTo("COMPLETED"));
        PlanEvent completed = PlanEventCodec.fromJson(CheckInScenes.events(id).get(CheckInScenes.events(id).size() - 1));
        assertThat(completed.plan().status()).isEqualTo("COMPLETED");
        assertThat(completed.change().silent()).as("the end-of-plan e-mail said it all").isTrue();
        assertThat(completed.change().cause()).isEqualTo(PlanEvent.Cause.SYSTEM);
        String review = Api.asCoach().get("/api/coach/alerts").then()
                .body(alertsOf(id, "ENDING_THIS_WEEK"), empty())
                .extract().path(alertsOf(id, "PLAN_REVIEW") + "[0].id");
        given().queryParam("token", Api.link("plan", id, Duration.ofHours(1))).get("/plans/" + id).then()
                .statusCode(200).body(containsString("Your four weeks in numbers"))
                .body(containsString("2 massage sessions")).body(containsString("pain went from 6 to 3"))
                .body(containsString("follow-up plan"));

        Api.asCoach().post("/api/plans/" + id + "/alerts/" + review + "/clear").then().statusCode(204);
        Api.asCoach().post("/api/plans/" + id + "/alerts/" + review + "/clear").then().statusCode(204);
        Api.asCoach().get("/api/coach/alerts").then().body(alertsOf(id, "PLAN_REVIEW"), empty());
        planEnds.completeEnded();
        List<String> events = CheckInScenes.events(id);
        assertThat(PlanEventCodec.fromJson(events.get(events.size() - 1)).eventId()).as("completed once")
                .isEqualTo(completed.eventId());
    }

    @Test
    void an_e_mail_that_failed_for_good_alerts_the_coach_once_and_a_poison_event_goes_to_the_dead_letter_topic()
            throws Exception {
        String id = CheckInScenes.activePlan();
        DeliveryEvent failed = new DeliveryEvent(UUID.randomUUID(), UUID.fromString(id), "rem-" + UUID.randomUUID(),
                "CHECK_IN", DeliveryEvent.FAILED, Instant.now());
        String poison = "not json " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(DeliveryEvent.TOPIC, id, poison)).get();
            producer.send(new ProducerRecord<>(DeliveryEvent.TOPIC, id, DeliveryEventCodec.toJson(failed))).get();
            producer.send(new ProducerRecord<>(DeliveryEvent.TOPIC, id, DeliveryEventCodec.toJson(failed))).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.asCoach()
                .queryParam("kind", "DELIVERY_FAILED").get("/api/coach/alerts").then()
                .body(alertsOf(id, "DELIVERY_FAILED") + ".subject", equalTo(List.of(failed.reminderId())))
                .body(alertsOf(id, "DELIVERY_FAILED") + ".detail", equalTo(List.of("CHECK_IN"))));
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(DeliveryEvent.DEAD_LETTER_TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (poison.equals(r.value())) {
                        dead.add(r);
                    }
                });
                return !dead.isEmpty();
            });
        }
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(DeliveryEvent.TOPIC);
    }

    @Test
    void a_coach_sees_alerts_of_their_plans_and_the_pools_an_admin_every_plans() {
        String mine = CheckInScenes.activePlan();
        String pool = Api.confirmedPoolPlan(Assessments.withRedFlags("[\"FEVER\"]"));
        String mineAlert = CheckInScenes.alert(mine);

        Api.asCoach().get("/api/coach/alerts").then().statusCode(200)
                .body("id", hasItem(mineAlert)).body("planId", hasItem(pool));
        Api.asCoach().queryParam("scope", "mine").get("/api/coach/alerts").then().body("planId", not(hasItem(pool)));
        Api.asCoach().queryParam("scope", "unassigned").get("/api/coach/alerts").then()
                .body("planId", not(hasItem(mine))).body("planId", hasItem(pool));
        given().auth().preemptive().basic(Api.otherCoach(), Api.OTHER_COACH_PASSWORD).get("/api/coach/alerts")
                .then().statusCode(200).body("planId", not(hasItem(mine))).body("planId", hasItem(pool));
        Api.asAdmin().get("/api/coach/alerts").then().body("planId", hasItem(mine)).body("planId", hasItem(pool));

        Api.asCoach().queryParam("scope", "all").get("/api/coach/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("scope"));
        Api.asCoach().queryParam("kind", "SOMETHING").get("/api/coach/alerts").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        Api.asCoach().queryParam("alert", "SOMETHING").get("/api/coach/plans").then().statusCode(400)
                .body("errors[0].field", equalTo("alert"));
        assertThat(Api.roster("alert=any&scope=unassigned")).contains(pool);
    }

    @Test
    void only_the_plans_coach_or_an_admin_clears_an_alert_by_hand() {
        String id = CheckInScenes.activePlan();
        String alert = CheckInScenes.alert(id);
        String clear = "/api/plans/" + id + "/alerts/" + alert + "/clear";

        given().auth().preemptive().basic(Api.otherCoach(), Api.OTHER_COACH_PASSWORD).contentType(ContentType.JSON)
                .post(clear).then().statusCode(404);
        given().contentType(ContentType.JSON).post(clear).then().statusCode(401);
        Api.asCoach().post("/api/plans/" + CheckInScenes.activePlan() + "/alerts/" + alert + "/clear")
                .then().statusCode(404);
        Api.asCoach().get("/api/coach/alerts").then().body("id", hasItem(alert));

        Api.asCoach().post(clear).then().statusCode(204);
        Api.asCoach().get("/api/coach/alerts").then().body("id", not(hasItem(alert)));
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
