package dev.wellplan.system.browser;

import static dev.wellplan.system.browser.ClientPages.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

import dev.wellplan.stack.LocalStack;
import dev.wellplan.system.StacksAccess;
import dev.wellplan.system.browser.ClientPages.EnrollmentForm;
import dev.wellplan.system.browser.ClientPages.MyPlan;
import dev.wellplan.system.browser.CoachPages.AdjustPreview;
import dev.wellplan.system.browser.CoachPages.CoachPlan;
import dev.wellplan.system.browser.CoachPages.History;
import dev.wellplan.system.browser.CoachPages.ReminderLine;
import dev.wellplan.system.browser.CoachPages.Roster;

/**
 * The pages in a real browser (Debian's headless Chromium) against the whole local stack: a client enrolls through
 * the form and reaches their plan from their e-mails; a coach signs in, claims a red-flag plan from the pool, records
 * clearance and reads the history; a coach claims a plan and moves its second massage through the preview, and the
 * notifier's reminders change as the preview said; and every page passes axe-core with no serious or critical
 * violation and loads at most 100 KB of CSS and JavaScript. With {@code -Dscreenshots=<dir>} the accessibility pass
 * (and the move's preview) also saves each page at desktop and phone width (README: the screenshots).
 */
class PagesBrowserSystemTest {

    private static final long MAX_CSS_AND_JS = 100 * 1024;
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** A reminder's local time as the preview writes it (the planner's Timeline: day, then time). */
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.ENGLISH);

    private static LocalStack stack;
    private static ChromeDriver browser;
    private static Function<UUID, JsonNode> notifier;

    /** A reminder as the notifier's API shows it. */
    private record Reminder(String id, String kind, String itemId, LocalDateTime localTime, String status) {

        /** The item and local time, as a preview line names a reminder. */
        String named() {
            return itemId + " at " + AT.format(localTime);
        }
    }

    @BeforeAll
    static void up() throws Exception {
        stack = StacksAccess.onFreePorts("pages").start();
        browser = Chromium.start();
        notifier = StacksAccess.notifierReminders(stack);
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
        assertThat(browser.findElement(By.id("client-name")).getAttribute("value"))
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
        String client = enrolledAndConfirmed("Bea", true);

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
    void a_coach_claims_a_plan_moves_its_second_massage_through_the_preview_and_the_notifier_follows_it()
            throws IOException {
        String client = enrolledAndConfirmed("Cleo", false);

        Roster roster = CoachPages.signIn(browser, stack.plannerUrl(), "coach", "coach-local")
                .filter("Unassigned pool", "Active");
        assertThat(roster.clients()).as("enrolled anonymously: in the pool").contains(client);
        roster.claim(client);
        CoachPlan plan = roster.filter("My clients", "Active").open(client);
        assertThat(plan.fact("Coach")).isEqualTo("You");
        UUID planId = plan.planId();
        await().atMost(WAIT).until(() -> scheduled(planId).values().stream()
                .anyMatch(r -> r.kind().equals("MASSAGE_DAY_BEFORE") && "massage-2".equals(r.itemId())));

        LocalDateTime was = start(StacksAccess.plan(stack, planId, "coach", "coach-local"), "massage-2");
        LocalDate day = dayToMoveTo(StacksAccess.plan(stack, planId, "coach", "coach-local"));
        LocalDateTime to = day.atTime(was.getHour() == 11 ? LocalTime.of(14, 30) : LocalTime.of(11, 30));
        AdjustPreview preview = plan.move("massage-2", day, to.toLocalTime(), "The client asked for another day");
        assertThat(preview.problems()).as("the rules allow the move").isEmpty();
        assertThat(preview.items()).contains("Massage session massage-2: when: " + AT.format(was) + " → " + AT.format(to));
        List<ReminderLine> moved = preview.reminders("Moved");
        assertThat(moved).as("the preview names the session's reminder").anyMatch(
                l -> l.what().equals("Reminder the day before a session (massage-2)"));
        assertThat(Axe.seriousViolations(browser)).as("the preview passes axe").isEmpty();
        screenshot("adjust-preview");

        // what the preview says goes and comes: item reminders (a plan-wide notice goes out at once, unscheduled)
        Set<String> goes = new HashSet<>();
        Set<String> comes = new HashSet<>();
        for (ReminderLine line : moved) {
            goes.add(line.itemId() + " at " + line.was());
            comes.add(line.itemId() + " at " + line.now());
        }
        preview.reminders("Cancelled").stream().filter(l -> l.itemId() != null)
                .forEach(l -> goes.add(l.itemId() + " at " + l.was()));
        preview.reminders("Added").stream().filter(l -> l.itemId() != null)
                .forEach(l -> comes.add(l.itemId() + " at " + l.now()));
        Map<String, Reminder> before = scheduled(planId);
        assertThat(before.values()).extracting(Reminder::named).as("the preview changed nothing").containsAll(goes)
                .doesNotContainAnyElementsOf(comes);

        plan = preview.save();
        assertThat(plan.banner()).startsWith("The plan is adjusted");
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Reminder> after = reminders(planId);
            assertThat(changed(before, after, true)).as("gone from the ledger, as the preview said").isEqualTo(goes);
            assertThat(changed(before, after, false)).as("new in the ledger, as the preview said").isEqualTo(comes);
        });
        Map<String, Reminder> after = reminders(planId);
        Reminder old = before.values().stream()
                .filter(r -> r.kind().equals("MASSAGE_DAY_BEFORE") && "massage-2".equals(r.itemId())).findFirst()
                .orElseThrow();
        assertThat(after.get(old.id()).status()).as("the old reminder of massage-2").isEqualTo("CANCELLED");
        assertThat(scheduled(planId).values()).filteredOn(r -> r.kind().equals("MASSAGE_DAY_BEFORE")
                && "massage-2".equals(r.itemId())).singleElement().as("the day before the new time")
                .satisfies(r -> assertThat(r.localTime()).isBefore(to).isAfterOrEqualTo(to.minusDays(1)));
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
        pages.put("check-in", () -> {
            browser.findElement(By.linkText("Tell us how you feel")).click();
            waiting(browser).until(ExpectedConditions.titleContains("How are you feeling?"));
        });
        pages.put("check-in-errors", () -> {
            sendCheckIn();
            waiting(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
        });
        pages.put("checked-in", () -> {
            new Select(browser.findElement(By.id("soreness"))).selectByValue("2");
            new Select(browser.findElement(By.id("pain"))).selectByValue("1");
            sendCheckIn();
            waiting(browser).until(ExpectedConditions.titleContains("Thank you"));
        });
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

    private static void sendCheckIn() {
        browser.findElement(By.xpath("//button[.='Send my answers']")).click();
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

    /**
     * A client of this first name (and a random one, to find them on the roster) enrolls through the form, signed in as
     * no one, so the plan lands in the unassigned pool, and confirms from the e-mail; their name.
     */
    private static String enrolledAndConfirmed(String firstName, boolean redFlag) {
        String client = firstName + " " + UUID.randomUUID().toString().substring(0, 8);
        String email = "client-" + UUID.randomUUID() + "@example.com";
        new EnrollmentForm(browser, stack.plannerUrl()).answers(client, email, nextMonday(), redFlag).send();
        ClientPages.confirm(browser, new Mailbox(stack.mailUrl(), email).link("Please confirm", "/confirm"));
        return client;
    }

    /**
     * One day later than massage-2 if the plan rules allow it (MAS-1: about two weeks from the sessions either side,
     * give or take two days; MAS-5: not on Monday, the client's stressful day), else a day earlier, or two.
     */
    private static LocalDate dayToMoveTo(JsonNode plan) {
        LocalDate first = start(plan, "massage-1").toLocalDate();
        LocalDate second = start(plan, "massage-2").toLocalDate();
        LocalDate third = has(plan, "massage-3") ? start(plan, "massage-3").toLocalDate() : null;
        for (int shift : new int[] {1, -1, 2, -2}) {
            LocalDate day = second.plusDays(shift);
            if (day.getDayOfWeek() != DayOfWeek.MONDAY && day.isAfter(LocalDate.now(LISBON))
                    && fortnight(first, day) && (third == null || fortnight(day, third))) {
                return day;
            }
        }
        throw new AssertionError("no day near massage-2 the rules allow: " + plan.get("items"));
    }

    private static boolean fortnight(LocalDate from, LocalDate to) {
        return Math.abs(ChronoUnit.DAYS.between(from, to) - 14) <= 2;
    }

    private static boolean has(JsonNode plan, String itemId) {
        for (JsonNode item : plan.get("items")) {
            if (itemId.equals(item.get("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static LocalDateTime start(JsonNode plan, String itemId) {
        for (JsonNode item : plan.get("items")) {
            if (itemId.equals(item.get("id").asText())) {
                return LocalDateTime.parse(item.get("start").asText());
            }
        }
        throw new AssertionError("no " + itemId + " in " + plan);
    }

    /** The notifier's reminders of the plan by id; empty while it does not know the plan. */
    private static Map<String, Reminder> reminders(UUID planId) {
        Map<String, Reminder> reminders = new HashMap<>();
        JsonNode listed = notifier.apply(planId);
        if (listed != null) {
            for (JsonNode r : listed) {
                reminders.put(r.get("id").asText(), new Reminder(r.get("id").asText(), r.get("kind").asText(),
                        r.path("itemId").asText(null), LocalDateTime.parse(r.get("localTime").asText()),
                        r.get("status").asText()));
            }
        }
        return reminders;
    }

    /** The plan's reminders still to be sent, of its items (a plan-wide notice goes out at once). */
    private static Map<String, Reminder> scheduled(UUID planId) {
        Map<String, Reminder> scheduled = new HashMap<>();
        reminders(planId).forEach((id, r) -> {
            if (r.status().equals("SCHEDULED") && r.itemId() != null) {
                scheduled.put(id, r);
            }
        });
        return scheduled;
    }

    /**
     * The item reminders {@code before} (all scheduled) that the ledger cancelled or re-timed since ({@code gone}), or
     * those it scheduled anew or re-timed ({@code !gone}), as preview lines name them. One sent meanwhile is neither.
     */
    private static Set<String> changed(Map<String, Reminder> before, Map<String, Reminder> after, boolean gone) {
        Set<String> changed = new HashSet<>();
        for (Reminder now : after.values()) {
            Reminder was = before.get(now.id());
            boolean retimed = was != null && now.status().equals("SCHEDULED") && !now.localTime().equals(was.localTime());
            if (gone && was != null && (retimed || now.status().equals("CANCELLED"))) {
                changed.add(was.named());
            } else if (!gone && now.itemId() != null && now.status().equals("SCHEDULED") && (was == null || retimed)) {
                changed.add(now.named());
            }
        }
        return changed;
    }

    private static LocalDate nextMonday() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(1);
        while (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            day = day.plusDays(1);
        }
        return day;
    }
}
