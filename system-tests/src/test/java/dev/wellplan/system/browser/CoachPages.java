package dev.wellplan.system.browser;

import static dev.wellplan.system.browser.ClientPages.waiting;

import java.util.List;

import org.openqa.selenium.By;
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
