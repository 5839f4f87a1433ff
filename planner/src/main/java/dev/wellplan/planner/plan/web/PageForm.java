package dev.wellplan.planner.plan.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.wellplan.rules.Violation;
import dev.wellplan.support.problem.Problem.FieldError;
import io.quarkus.qute.TemplateData;

/**
 * A form as a page fills and re-fills it (the enrollment form, the adjustment form): what was entered and what is
 * wrong, each by field, the field named as the API's JSON names it, so an error the API's reader or the plan rules
 * name lands on its own field. The {@code field} and {@code choices} tags read it.
 *
 * @param values  what was entered, by field (a checkbox group has several values)
 * @param errors  what is wrong, by field
 * @param general an error about the form as a whole, or null
 */
@TemplateData
public record PageForm(Map<String, List<String>> values, Map<String, String> errors, String general) {

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    /** The same form with the errors the reader or the rules found (their JSON paths, list indexes dropped). */
    PageForm withErrors(List<FieldError> found) {
        Map<String, String> byField = new LinkedHashMap<>(errors);
        found.forEach(e -> byField.putIfAbsent(INDEX.matcher(e.field()).replaceAll(""), e.message()));
        return new PageForm(values, byField, general);
    }

    PageForm withViolations(List<Violation> found) {
        return withErrors(found.stream().map(v -> new FieldError(v.field(), v.message())).toList());
    }

    PageForm withGeneral(String message) {
        return new PageForm(values, errors, message);
    }

    /** The first value entered, blank for none. */
    public String value(String field) {
        List<String> entered = values.get(field);
        return entered == null || entered.isEmpty() || entered.get(0) == null ? "" : entered.get(0);
    }

    public boolean checked(String field, String option) {
        return values.getOrDefault(field, List.of()).contains(option);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || general != null;
    }

    /** The errors in form order, for the summary at the top. */
    public List<Map.Entry<String, String>> errorList() {
        return List.copyOf(errors.entrySet());
    }

    /** Puts a field's one value (none for null) in {@code values}. */
    static void one(Map<String, List<String>> values, String field, String value) {
        values.put(field, value == null ? List.of() : List.of(value));
    }

    /** A checkbox group's values (none for null). */
    static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
