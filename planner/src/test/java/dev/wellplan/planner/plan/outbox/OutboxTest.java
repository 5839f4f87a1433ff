package dev.wellplan.planner.plan.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.wellplan.contract.PlanEvent;
import dev.wellplan.contract.PlanEventCodec;
import dev.wellplan.contract.PlanEventType;
import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import dev.wellplan.planner.plan.api.EnrollmentReader;
import dev.wellplan.planner.plan.app.Enrollments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class OutboxTest {

    @Inject
    Jdbi jdbi;

    @Inject
    Enrollments enrollments;

    @Inject
    EnrollmentReader reader;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** Readiness and metrics are on the management interface (its root is /q), not the public port. */
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void an_enrollment_reaches_kafka_keyed_by_plan_with_the_event_id_header() {
        String planId = given().contentType(ContentType.JSON).body(Assessments.valid())
                .when().post("/api/enrollments")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(PlanEvent.TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (planId.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return !mine.isEmpty();
            });
        }
        ConsumerRecord<String, String> record = mine.get(0);
        PlanEvent event = PlanEventCodec.fromJson(record.value());
        assertThat(event.type()).isEqualTo(PlanEventType.PlanCreated);
        assertThat(event.planId()).hasToString(planId);
        assertThat(event.planVersion()).isEqualTo(1);
        assertThat(new String(record.headers().lastHeader(PlanEvent.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(event.eventId().toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbi.withHandle(h -> h.createQuery(
                "SELECT published_at IS NOT NULL FROM planner.outbox WHERE aggregate_id = :id")
                .bind("id", UUID.fromString(planId)).mapTo(Boolean.class).one()));
    }

    @Test
    void readiness_shows_the_broker_through_the_relay_and_the_database() {
        given().when().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'kafka-outbox' }.data.broker", org.hamcrest.Matchers.equalTo("publishing"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database")));
    }

    @Test
    void the_backlog_size_and_age_are_metrics() {
        String scraped = given().when().get(metrics).then().statusCode(200).extract().asString();

        assertThat(scraped).contains("wellplan_outbox_pending ").contains("wellplan_outbox_oldest_age_seconds ");
    }

    @Test
    void a_rolled_back_enrollment_leaves_no_plan_and_no_outbox_row() {
        long plans = count("planner.plan");
        long outbox = count("planner.outbox");

        QuarkusTransaction.begin();
        UUID planId = enrollments.enroll(reader.read(Assessments.valid()), null).plan().id();
        assertThat(countInTransaction(planId)).as("visible inside the transaction").isEqualTo(1);
        QuarkusTransaction.rollback();

        assertThat(count("planner.plan")).isEqualTo(plans);
        assertThat(count("planner.outbox")).isEqualTo(outbox);
    }

    private long countInTransaction(UUID planId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM planner.outbox WHERE aggregate_id = :id")
                .bind("id", planId).mapTo(Long.class).one());
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
