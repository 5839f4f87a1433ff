package dev.wellplan.system.browser;

import static dev.wellplan.system.browser.ClientPages.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.wellplan.stack.LocalStack;
import dev.wellplan.system.StacksAccess;
import dev.wellplan.system.browser.CoachPages.Roster;

/**
 * Issue 12's third browser test, on the accelerated clock (half an hour a second): a client enrolls through the form
 * and confirms from the e-mail; after the first massage the +24 h check-in e-mail's link opens the check-in form,
 * where they report soreness, so the +48 h check-in e-mail comes too (AFT-2), and from its link they report the
 * soreness again; their coach signs in, sees the soreness alert on the roster, claims the plan, accepts the proposal on the plan's
 * page, and the next massage is one pressure step lighter, on the page and through the API.
 */
class CheckInBrowserSystemTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** Slow enough for a browser's steps between two e-mails a day apart (48 seconds), on a busy machine. */
    private static final int SPEED = 1800;
    private static final String CLIENT = "Rita Check-in";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack stack;
    private static ChromeDriver browser;
    private static LocalDate startDate;
    private static Instant origin;
    private static Instant sundayNoon;

    @BeforeAll
    static void up() throws Exception {
        startDate = LocalDate.now(LISBON).plusDays(1);
        while (startDate.getDayOfWeek() != DayOfWeek.MONDAY) {
            startDate = startDate.plusDays(1);
        }
        // the clock stands at the Sunday noon before the plan until the origin, while the stack starts and the client
        // enrolls; then the first massage (Tuesday 10:00) is 46 hours, 92 seconds, away
        origin = Instant.now().plus(Duration.ofSeconds(Long.getLong("accelerated.originDelay", 150)));
        sundayNoon = startDate.minusDays(1).atTime(12, 0).atZone(LISBON).toInstant();
        stack = StacksAccess.onFreePorts("check-in-pages")
                .clockSpeed(String.valueOf(SPEED))
                .serviceEnv("WELLPLAN_CLOCK_ORIGIN", origin.toString())
                .serviceEnv("WELLPLAN_CLOCK_START", sundayNoon.toString())
                // a second late is half an hour here: keep late reminders rather than skip them
                .serviceEnv("WELLPLAN_DISPATCH_GRACE", "P3D")
                .start();
        browser = Chromium.start();
    }

    @AfterAll
    static void down() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close(); // even when the browser would not quit: the stack holds ports and processes
            }
        }
    }

    @Test
    void soreness_reported_twice_from_the_e_mails_leads_to_a_lighter_next_massage_accepted_by_the_coach() {
        String email = "client-" + UUID.randomUUID() + "@example.com";
        Mailbox inbox = new Mailbox(stack.mailUrl(), email);
        new ClientPages.EnrollmentForm(browser, stack.plannerUrl()).answers(CLIENT, email, startDate, false).send();
        assertThat(ClientPages.heading(browser)).isEqualTo("Check your inbox");
        ClientPages.confirm(browser, inbox.link("Please confirm your back-care plan", "/confirm"));
        assertThat(Instant.now()).as("enrolled and confirmed before the clock starts").isBefore(origin);

        String planId = inbox.link("Your four-week back-care plan", "/plans/[0-9a-f-]+")
                .replaceFirst(".*/plans/([0-9a-f-]{36}).*", "$1");
        LocalDateTime massage = LocalDateTime.parse(item(coachGet("/api/plans/" + planId), "massage-1")
                .get("start").asText());

        String link = mail(inbox, "How does your back feel today?");
        checkIn(browser, link, "5", "3");
        assertThat(ClientPages.heading(browser)).isEqualTo("Thank you");
        String second = mail(inbox, "Is the soreness still there?");
        assertThat(clock()).as("the +48 h check-in comes 48 hours after the session")
                .isAfterOrEqualTo(massage.atZone(LISBON).toInstant().plus(Duration.ofHours(48)));
        checkIn(browser, second, "4", "2");
        assertThat(ClientPages.heading(browser)).isEqualTo("Thank you");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Your coach will look at a lighter next "
                + "session");

        Roster roster = CoachPages.signIn(browser, stack.plannerUrl(), "coach", "coach-local");
        assertThat(section("alerts")).contains(CLIENT)
                .contains("Still sore 48 hours after massage-1: a lighter next session is proposed");
        roster.filter("Unassigned pool", "Any status").claim(CLIENT).open(CLIENT);
        assertThat(browser.getCurrentUrl()).contains("/coach/plans/" + planId);
        assertThat(item("massage-2")).contains("medium pressure.");
        assertThat(section("check-ins")).contains("5 of 10", "4 of 10", "48 hours after");
        assertThat(section("proposals")).contains("one step lighter: medium → light pressure");

        browser.findElement(By.xpath("//section[@aria-labelledby='proposals']//button[.='Accept']")).click();
        waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner.ok")));

        assertThat(browser.findElement(By.cssSelector(".banner.ok")).getText()).startsWith("Proposal accepted");
        assertThat(item("massage-2")).contains("light pressure.").doesNotContain("medium pressure.");
        assertThat(section("alerts")).doesNotContain("Still sore");
        assertThat(item(coachGet("/api/plans/" + planId), "massage-2").get("massage").get("pressure").asText())
                .isEqualTo("LIGHT");
    }

    /** What the services' accelerated clock shows now: it showed Sunday noon at the origin. */
    private static Instant clock() {
        return sundayNoon.plusMillis(Duration.between(origin, Instant.now()).toMillis() * SPEED);
    }

    private static JsonNode item(JsonNode plan, String id) {
        for (JsonNode item : plan.get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in the plan");
    }

    /** The check-in e-mail's link, once the accelerated clock has brought the e-mail. */
    private static String mail(Mailbox inbox, String subject) {
        return await().atMost(Duration.ofMinutes(5)).ignoreExceptions().until(() -> inbox.link(subject, "/check-in"),
                link -> link != null);
    }

    /** The check-in form, on the plan's first massage: soreness and pain, sent. */
    private static void checkIn(WebDriver driver, String link, String soreness, String pain) {
        driver.get(link);
        waiting(driver).until(ExpectedConditions.titleContains("How are you feeling?"));
        new Select(driver.findElement(By.id("itemId"))).selectByValue("massage-1");
        new Select(driver.findElement(By.id("soreness"))).selectByValue(soreness);
        new Select(driver.findElement(By.id("pain"))).selectByValue(pain);
        driver.findElement(By.xpath("//button[.='Send my answers']")).click();
        waiting(driver).until(ExpectedConditions.titleContains("Thank you"));
    }

    private static String section(String id) {
        return browser.findElement(By.cssSelector("section[aria-labelledby='" + id + "']")).getText();
    }

    private static String item(String id) {
        return browser.findElement(By.id("item-" + id)).getText();
    }

    private static JsonNode coachGet(String path) {
        String basic = Base64.getEncoder().encodeToString("coach:coach-local".getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(stack.plannerUrl() + path)).header("Authorization", "Basic " + basic).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
