package dev.wellplan.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.wellplan.stack.LocalStack;
import dev.wellplan.system.browser.ClientPages.EnrollmentForm;
import dev.wellplan.system.browser.ClientPages.MyPlan;
import dev.wellplan.system.browser.CoachPages.CoachPlan;
import dev.wellplan.system.browser.CoachPages.History;
import dev.wellplan.system.browser.CoachPages.Roster;

/**
 * The pages in a real browser (Debian's headless Chromium) against the whole local stack: a client enrolls through
 * the form and reaches their plan from their e-mails; a coach signs in, claims a red-flag plan from the pool, records
 * clearance and reads the history; and every page passes axe-core with no serious or critical violation and loads at
 * most 100 KB of CSS and JavaScript. With {@code -Dscreenshots=<dir>} the accessibility pass also saves each page at
 * desktop and phone width (README: the screenshots).
 */
class PagesBrowserSystemTest {

    private static final long MAX_CSS_AND_JS = 100 * 1024;

    private static LocalStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void up() throws Exception {
        stack = dev.wellplan.system.StacksAccess.onFreePorts("pages").start();
        browser = Chromium.start();
    }

    @AfterAll
    static void down() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_client_enrolls_through_the_form_confirms_from_the_email_and_opens_their_plan() {
        String email = "client-" + UUID.randomUUID() + "@example.com";
        Mailbox inbox = new Mailbox(stack.mailUrl(), email);

        EnrollmentForm form = new EnrollmentForm(browser, stack.plannerUrl())
                .answers("Ana Souza", email, LocalDate.of(2020, 1, 6), false);
        form.send();
        assertThat(form.errorOf("startDate")).as("a start date in the past").startsWith("must not be before today");
        assertThat(browser.findElement(org.openqa.selenium.By.id("client-name")).getAttribute("value"))
                .as("the answers are kept").isEqualTo("Ana Souza");

        form.date("startDate", nextMonday()).send();
        assertThat(ClientPages.heading(browser)).isEqualTo("Check your inbox");

        ClientPages.confirm(browser, inbox.link("Please confirm your back-care plan", "/confirm"));
        assertThat(ClientPages.heading(browser)).isEqualTo("Thank you: your plan is confirmed");

        MyPlan plan = new MyPlan(browser, inbox.link("Your four-week back-care plan", "/plans/[0-9a-f-]+"));
        assertThat(plan.items()).anyMatch(i -> i.toLowerCase().contains("massage"))
                .anyMatch(i -> i.toLowerCase().contains("strength") || i.toLowerCase().contains("workout"));
        assertThat(plan.text()).contains("Week 1").contains("Why:").contains("Europe/Lisbon").contains("What happens next");
        assertThat(plan.subscribeLink()).startsWith("webcal://").contains("/calendar.ics?token=");
        assertThat(plan.downloadLink()).startsWith(stack.plannerUrl() + "/api/plans/");
    }

    @Test
    void a_coach_signs_in_claims_a_red_flag_plan_records_clearance_and_reads_the_history() {
        String client = "Bea " + UUID.randomUUID().toString().substring(0, 8);
        String email = "client-" + UUID.randomUUID() + "@example.com";
        new EnrollmentForm(browser, stack.plannerUrl()).answers(client, email, nextMonday(), true).send();
        ClientPages.confirm(browser, new Mailbox(stack.mailUrl(), email).link("Please confirm", "/confirm"));

        Roster roster = CoachPages.signIn(browser, stack.plannerUrl(), "coach", "coach-local")
                .filter("Unassigned pool", "Waiting for medical clearance");
        assertThat(roster.clients()).contains(client);
        roster.claim(client);
        assertThat(roster.clients()).as("claimed: no longer in the pool").doesNotContain(client);

        CoachPlan plan = roster.filter("My clients", "Waiting for medical clearance").open(client);
        assertThat(plan.fact("Coach")).isEqualTo("You");
        assertThat(plan.fact("Warning signs")).contains("Tingling");
        plan = plan.recordClearance("Cleared by her GP, letter of today");
        assertThat(plan.banner()).startsWith("Clearance recorded");
        assertThat(plan.fact("Status")).isEqualTo("Active");

        History history = plan.history();
        assertThat(history.rows()).extracting(r -> r.get(3)).containsExactly("Enrolled", "Status changed",
                "Coach changed", "Status changed");
        assertThat(history.rows().get(3)).contains("coach", "medical clearance: Cleared by her GP, letter of today",
                "Active");
    }

    @Test
    void every_page_passes_axe_with_no_serious_violation_and_loads_at_most_100_kb_of_css_and_js() throws IOException {
        Map<String, Runnable> pages = new LinkedHashMap<>();
        String email = "client-" + UUID.randomUUID() + "@example.com";
        Mailbox inbox = new Mailbox(stack.mailUrl(), email);
        String[] links = new String[2];
        pages.put("enroll", () -> browser.get(stack.plannerUrl() + "/enroll"));
        pages.put("enroll-errors", () -> new EnrollmentForm(browser, stack.plannerUrl())
                .answers("Ana Souza", email, LocalDate.of(2020, 1, 6), true).send());
        pages.put("check-your-inbox", () -> new EnrollmentForm(browser, stack.plannerUrl())
                .answers("Ana Souza", email, nextMonday(), true).send());
        pages.put("confirm", () -> browser.get(links[0] = inbox.link("Please confirm", "/confirm")));
        pages.put("confirmed", () -> ClientPages.confirm(browser, links[0]));
        pages.put("my-plan", () -> new MyPlan(browser, links[1] = inbox.link("four-week", "/plans/[0-9a-f-]+")));
        pages.put("sign-in", () -> browser.get(stack.plannerUrl() + "/sign-in"));
        pages.put("roster", () -> CoachPages.signIn(browser, stack.plannerUrl(), "admin", "admin-local")
                .filter("Unassigned pool", "Waiting for medical clearance"));
        pages.put("coach-plan", () -> new Roster(browser).open("Ana Souza"));
        pages.put("history", () -> new CoachPlan(browser).history());
        pages.put("admin-coaches", () -> browser.get(stack.plannerUrl() + "/admin/coaches"));
        pages.put("preferences", () -> browser.get(inbox.link("four-week", "/preferences")));
        pages.put("unsubscribe", () -> browser.get(inbox.link("four-week", "/unsubscribe")));

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Runnable> page : pages.entrySet()) {
            page.getValue().run();
            Axe.seriousViolations(browser).forEach(v -> failures.add(page.getKey() + ": " + v));
            long bytes = Axe.cssAndJsBytes(browser);
            System.out.printf("page %-17s CSS+JS %,7d bytes%n", page.getKey(), bytes);
            if (bytes > MAX_CSS_AND_JS) {
                failures.add(page.getKey() + ": " + bytes + " bytes of CSS and JavaScript");
            }
            screenshot(page.getKey());
        }
        assertThat(failures).isEmpty();
    }

    /**
     * With -Dscreenshots=DIR: the page at desktop and phone width, whole length. The width is emulated (DevTools'
     * device metrics), since a headless window does not shrink to a phone's width.
     */
    private static void screenshot(String name) throws IOException {
        String dir = System.getProperty("screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path target = Path.of(dir);
        Files.createDirectories(target);
        for (Map.Entry<String, Dimension> size : Map.of("desktop", Chromium.DESKTOP, "phone", Chromium.PHONE).entrySet()) {
            emulate(size.getValue().width, size.getValue().height, size.getKey().equals("phone"));
            long height = ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollHeight")).longValue();
            emulate(size.getValue().width, (int) Math.min(height, 8000), size.getKey().equals("phone"));
            Files.write(target.resolve(name + "-" + size.getKey() + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static void emulate(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private static LocalDate nextMonday() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(1);
        while (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
