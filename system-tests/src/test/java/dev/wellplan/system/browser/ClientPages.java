package dev.wellplan.system.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The client's pages, as the steps a client takes on them. */
final class ClientPages {

    private ClientPages() {
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static String heading(WebDriver driver) {
        return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText();
    }

    /** The enrollment form: every answer by its label's field, then "Send my answers". */
    static final class EnrollmentForm {
        private final WebDriver driver;

        EnrollmentForm(WebDriver driver, String plannerUrl) {
            this.driver = driver;
            driver.get(plannerUrl + "/enroll");
            waiting(driver).until(ExpectedConditions.titleContains("Start your back-care plan"));
        }

        EnrollmentForm type(String id, String text) {
            WebElement field = driver.findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
            return this;
        }

        EnrollmentForm tick(String id) {
            WebElement box = driver.findElement(By.id(id));
            if (!box.isSelected()) {
                box.click();
            }
            return this;
        }

        /** A date field: browsers type dates in their own locale's order, so the value is set as the form sends it. */
        EnrollmentForm date(String id, LocalDate date) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                    driver.findElement(By.id(id)), date.toString());
            return this;
        }

        EnrollmentForm choose(String id, String visibleText) {
            new Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
            return this;
        }

        /** Ana's answers: lower back, tension on stress days, massage on Tuesdays and Saturdays. */
        EnrollmentForm answers(String name, String email, LocalDate start, boolean redFlag) {
            type("client-name", name).type("client-email", email).choose("client-timeZone", "Europe/Lisbon")
                    .date("startDate", start)
                    .tick("pain-area-LOWER_BACK").type("pain-intensity", "6").type("pain-weeks", "16")
                    .tick("pain-pattern-NON_SPECIFIC").tick("pain-drivers-STRESS")
                    .tick("preferences-massageDays-TUESDAY").tick("preferences-massageDays-SATURDAY")
                    .tick("preferences-highStressDays-MONDAY").tick("equipment-FOAM_ROLLER").tick("consent");
            return redFlag ? tick("redFlags-TINGLING") : this;
        }

        void send() {
            driver.findElement(By.cssSelector("form[action='/enroll'] button[type=submit]")).click();
            waiting(driver).until(ExpectedConditions.or(ExpectedConditions.titleContains("Check your inbox"),
                    ExpectedConditions.presenceOfElementLocated(By.id("form-errors"))));
        }

        /** The error shown on a field, or null. */
        String errorOf(String id) {
            List<WebElement> error = driver.findElements(By.id(id + "-error"));
            return error.isEmpty() ? null : error.get(0).getText();
        }
    }

    /** The page of the confirmation e-mail's link: one button. */
    static void confirm(WebDriver driver, String link) {
        driver.get(link);
        waiting(driver).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='Yes, start my plan']"))).click();
        waiting(driver).until(ExpectedConditions.titleContains("Your plan is confirmed"));
    }

    /** "My plan", opened from the welcome e-mail. */
    static final class MyPlan {
        private final WebDriver driver;

        MyPlan(WebDriver driver, String link) {
            this.driver = driver;
            driver.get(link);
            waiting(driver).until(ExpectedConditions.titleContains("Your back-care plan"));
        }

        List<String> items() {
            return driver.findElements(By.cssSelector(".item h4")).stream().map(WebElement::getText).toList();
        }

        String subscribeLink() {
            return driver.findElement(By.linkText("Subscribe in my calendar app")).getAttribute("href");
        }

        String downloadLink() {
            return driver.findElement(By.linkText("download the calendar file")).getAttribute("href");
        }

        String text() {
            return driver.findElement(By.tagName("main")).getText();
        }
    }
}
