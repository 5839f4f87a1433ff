package dev.wellplan.system.browser;

import static dev.wellplan.system.browser.ClientPages.waiting;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The coach's pages, as the steps a coach takes on them. */
final class CoachPages {

    private CoachPages() {
    }

    /** Signs in with the form; lands on the roster. */
    static Roster signIn(WebDriver driver, String plannerUrl, String login, String password) {
        driver.get(plannerUrl + "/sign-in");
        driver.findElement(By.id("j_username")).sendKeys(login);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.xpath("//button[.='Sign in']")).click();
        waiting(driver).until(ExpectedConditions.titleContains("Roster"));
        return new Roster(driver);
    }

    static final class Roster {
        private final WebDriver driver;

        Roster(WebDriver driver) {
            this.driver = driver;
        }

        /** Chooses a filter; htmx swaps the list in place (the filter form's own button does without JavaScript). */
        Roster filter(String scope, String status) {
            choose("scope", scope);
            choose("status", status);
            return this;
        }

        private void choose(String filter, String option) {
            Select select = new Select(driver.findElement(By.id(filter)));
            if (select.getFirstSelectedOption().getText().equals(option)) {
                return; // no change, no new list
            }
            WebElement list = driver.findElement(By.id("roster"));
            select.selectByVisibleText(option);
            waiting(driver).until(ExpectedConditions.stalenessOf(list));
        }

        List<String> clients() {
            return driver.findElements(By.cssSelector("#roster tbody td:first-child a")).stream()
                    .map(WebElement::getText).toList();
        }

        /** Claims the plan of this client from the pool: the list is swapped in place. */
        Roster claim(String client) {
            WebElement list = driver.findElement(By.id("roster"));
            driver.findElement(By.cssSelector("button[aria-label='Claim the plan of " + client + "']")).click();
            waiting(driver).until(ExpectedConditions.stalenessOf(list));
            return this;
        }

        CoachPlan open(String client) {
            driver.findElement(By.linkText(client)).click();
            waiting(driver).until(ExpectedConditions.titleContains("Plan "));
            return new CoachPlan(driver);
        }
    }

    static final class CoachPlan {
        private final WebDriver driver;

        CoachPlan(WebDriver driver) {
            this.driver = driver;
        }

        String fact(String term) {
            return driver.findElement(By.xpath("//dt[.='" + term + "']/following-sibling::dd[1]")).getText();
        }

        String banner() {
            return driver.findElement(By.cssSelector(".banner.ok")).getText();
        }

        CoachPlan recordClearance(String note) {
            driver.findElement(By.id("note")).sendKeys(note);
            driver.findElement(By.xpath("//button[.='Record clearance']")).click();
            waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner.ok")));
            return new CoachPlan(driver);
        }

        History history() {
            driver.findElement(By.linkText("history of every version")).click();
            waiting(driver).until(ExpectedConditions.titleContains("History"));
            return new History(driver);
        }

        /** The plan's id, from the page's address ({@code /coach/plans/{id}}). */
        UUID planId() {
            String path = URI.create(driver.getCurrentUrl()).getPath();
            return UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        }

        /**
         * "Move a session, workout or self-massage": opens the form, picks the item, the new day and time and says
         * why, then "Preview". Date and time fields are set as the form sends them (a browser types them in its
         * locale's order).
         */
        AdjustPreview move(String itemId, LocalDate date, LocalTime time, String reason) {
            WebElement form = driver.findElement(By.id("move"));
            form.findElement(By.tagName("summary")).click();
            new Select(form.findElement(By.id("move-itemId"))).selectByValue(itemId);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript("arguments[0].value = arguments[1]", form.findElement(By.id("move-date")), date.toString());
            js.executeScript("arguments[0].value = arguments[1]", form.findElement(By.id("move-time")), time.toString());
            form.findElement(By.id("move-reason")).sendKeys(reason);
            form.findElement(By.xpath(".//button[.='Preview']")).click();
            waiting(driver).until(ExpectedConditions.or(ExpectedConditions.titleContains("Preview:"),
                    ExpectedConditions.titleContains("Adjust:")));
            return new AdjustPreview(driver);
        }
    }

    /** One line of a preview's reminders: what it is, the item it belongs to, and its local times (was, now). */
    record ReminderLine(String what, String itemId, String was, String now) {
    }

    /** The adjustment page after "Preview": what would change, or why the rules refuse it; "Save". */
    static final class AdjustPreview {
        private static final Pattern OF_ITEM = Pattern.compile("(.*) \\(([^)]+)\\)");
        private final WebDriver driver;

        AdjustPreview(WebDriver driver) {
            this.driver = driver;
        }

        /** The rules' refusals, the form's errors and a general problem, as the page says them: none for a preview. */
        List<String> problems() {
            return driver.findElements(By.cssSelector("#refusals li, #form-errors li, #general")).stream()
                    .map(WebElement::getText).toList();
        }

        /** The items that change: "Massage session massage-2: when: ... → ...". */
        List<String> items() {
            return driver.findElements(By.cssSelector("ul.changes li")).stream().map(WebElement::getText).toList();
        }

        /** The reminders of one list ({@code Moved}, {@code Added}, {@code Cancelled}); none when it is not shown. */
        List<ReminderLine> reminders(String list) {
            return driver.findElements(By.xpath("//p[.='" + list + ":']/following-sibling::ul[1]/li")).stream()
                    .map(li -> line(list, li)).toList();
        }

        private static ReminderLine line(String list, WebElement li) {
            String what = li.findElement(By.tagName("strong")).getText();
            String how = li.getText().substring(what.length()).replaceFirst("^: ", "");
            Matcher item = OF_ITEM.matcher(what);
            String itemId = item.matches() ? item.group(2) : null;
            switch (list) {
                case "Moved" -> {
                    String[] times = how.split(" → ");
                    return new ReminderLine(what, itemId, times[0], times[1]);
                }
                case "Cancelled" -> {
                    return new ReminderLine(what, itemId, how.replaceFirst("^was ", ""), null);
                }
                default -> {
                    return new ReminderLine(what, itemId, null, how);
                }
            }
        }

        /** "Save": the change is stored; back on the plan, which says so. */
        CoachPlan save() {
            driver.findElement(By.xpath("//button[.='Save']")).click();
            waiting(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner.ok")));
            return new CoachPlan(driver);
        }
    }

    static final class History {
        private final WebDriver driver;

        History(WebDriver driver) {
            this.driver = driver;
        }

        /** Each version as its row reads: version, when, who, what, why, status after. */
        List<List<String>> rows() {
            return driver.findElements(By.cssSelector("tbody tr")).stream()
                    .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        }
    }
}
