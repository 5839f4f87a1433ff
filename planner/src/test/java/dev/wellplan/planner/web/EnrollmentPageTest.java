package dev.wellplan.planner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wellplan.planner.Assessments;
import dev.wellplan.planner.RealServers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The enrollment form speaks the API's language: the same reader and rules find the same errors, each shown on its
 * field; the same limits answer 429, in words; a sent form leads to "check your inbox".
 */
@QuarkusTest
@QuarkusTestResource(value = RealServers.class, restrictToAnnotatedClass = false)
class EnrollmentPageTest {

    @Test
    void a_start_date_in_the_past_is_shown_on_its_field_and_the_answers_are_kept() {
        Map<String, Object> form = EnrollmentForms.valid(Assessments.newAddress());
        form.put("startDate", "2020-01-06");

        Response page = post(form);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString())
                .contains("id=\"startDate-error\">must not be before today")
                .contains("aria-invalid=\"true\" aria-describedby=\"startDate-hint startDate-error\"")
                .contains("value=\"Ana Souza\"")
                .contains("value=\"TUESDAY\" checked");
    }

    @Test
    void what_the_reader_refuses_is_named_as_the_api_names_it() {
        Map<String, Object> form = EnrollmentForms.valid(Assessments.newAddress());
        form.put("pain.intensity", "eleven");
        form.remove("consent");

        String page = post(form).then().statusCode(400).extract().asString();

        assertThat(page).contains("id=\"pain-intensity-error\">&#39;eleven&#39; is not a valid whole number")
                .contains("id=\"consent-error\">please agree to e-mails");
    }

    @Test
    void a_sent_form_says_check_your_inbox_and_the_same_form_twice_makes_one_plan() {
        Map<String, Object> form = EnrollmentForms.valid(Assessments.newAddress());
        form.put("idempotencyKey", java.util.UUID.randomUUID().toString());

        Response sent = post(form);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(sent.header("Location")).endsWith("/enroll/sent");
        assertThat(post(form).statusCode()).as("a second click").isEqualTo(303);
        Browser.anonymous().get("/enroll/sent").then().statusCode(200).body(containsString("Check your inbox"));
        // the address still has two of its three enrollments a day: the second click made none
        form.put("idempotencyKey", java.util.UUID.randomUUID().toString());
        assertThat(post(form).statusCode()).isEqualTo(303);
    }

    @Test
    void past_the_limit_per_address_the_form_says_so_in_words() {
        String address = Assessments.newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(post(EnrollmentForms.valid(address)).statusCode()).isEqualTo(303);
        }

        Response refused = post(EnrollmentForms.valid(address));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.asString()).contains("this address has been enrolled too often today")
                .contains("Please try again in about");
    }

    private static Response post(Map<String, Object> form) {
        return Browser.form(Browser.anonymous()).formParams(form).post("/enroll");
    }
}
