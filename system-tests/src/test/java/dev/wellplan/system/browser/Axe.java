package dev.wellplan.system.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (from its webjar, on the test class path) run on the page the browser shows: the serious and critical
 * violations, each as "rule: what, where". The script is handed to the browser by the test, not loaded by the page,
 * so the pages' Content-Security-Policy stays as it is.
 */
final class Axe {

    private static final String SOURCE = read("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Axe() {
    }

    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(JSON.stringify(r.violations))).catch(e => done('failed: ' + e));""");
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(String.valueOf(result))) {
                String impact = v.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    List<String> where = new ArrayList<>();
                    v.path("nodes").forEach(n -> where.add(n.path("target").toString()));
                    serious.add(v.path("id").asText() + " (" + impact + "): " + v.path("help").asText() + " at " + where);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("axe-core did not run: " + result, e);
        }
        return serious;
    }

    /** The bytes of stylesheets and scripts the page loaded (its resource timings, uncompressed body sizes). */
    static long cssAndJsBytes(WebDriver driver) {
        Object bytes = ((JavascriptExecutor) driver).executeScript("""
                return performance.getEntriesByType('resource')
                  .filter(e => e.initiatorType === 'link' || e.initiatorType === 'script' || /\\.(css|js)$/.test(e.name))
                  .reduce((sum, e) => sum + (e.decodedBodySize || 0), 0);""");
        return ((Number) bytes).longValue();
    }

    private static String read(String resource) {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
