package dev.wellplan.planner.plan.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The enrollment form as the page fills and re-fills it ({@link PageForm}). Each field is named by its JSON path in
 * the API's assessment ({@code client.name}, {@code preferences.massageDays}), so a form becomes the very body
 * {@code POST /api/enrollments} takes, is read by the same {@code EnrollmentReader} and checked by the same plan
 * rules, and every error those name lands on its own field.
 */
final class EnrollmentForm {

    /** Fields the API reads as whole numbers: the form sends them as numbers when they are, and lets the reader say so when not. */
    static final List<String> NUMBERS = List.of("pain.intensity", "pain.weeks", "preferences.exerciseDaysPerWeek");
    /** Fields with several values (checkbox groups), sent as JSON arrays. */
    static final List<String> LISTS = List.of("pain.drivers", "redFlags", "preferences.massageDays",
            "preferences.highStressDays", "equipment");
    /** Not part of the assessment: the person's agreement to e-mails about their plan. */
    static final String CONSENT = "consent";
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

    private EnrollmentForm() {
    }

    /** A fresh form, filled with the defaults the plan rules would choose. */
    static PageForm blank() {
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        defaults.put("client.timeZone", List.of("Europe/Lisbon"));
        defaults.put("preferences.massageTime", List.of("10:00"));
        defaults.put("preferences.exerciseTime", List.of("07:30"));
        defaults.put("preferences.exerciseDaysPerWeek", List.of("3"));
        defaults.put("preferences.pressure", List.of("MEDIUM"));
        defaults.put("preferences.quietHours.from", List.of("21:00"));
        defaults.put("preferences.quietHours.to", List.of("07:00"));
        return new PageForm(defaults, Map.of(), null);
    }

    /** The assessment as the API takes it: empty fields are left out, and reported as missing by the rules. */
    static String toJson(PageForm form, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        form.values().forEach((field, entered) -> {
            if (field.equals(CONSENT)) {
                return;
            }
            List<String> given = entered.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (LISTS.contains(field)) {
                ArrayNode array = parent(root, field).putArray(leaf(field));
                given.forEach(array::add);
            } else if (!given.isEmpty()) {
                String value = given.get(0);
                if (NUMBERS.contains(field) && WHOLE.matcher(value).matches()) {
                    parent(root, field).put(leaf(field), Integer.parseInt(value));
                } else {
                    parent(root, field).put(leaf(field), value);
                }
            }
        });
        return root.toString();
    }

    static boolean consented(PageForm form) {
        return form.values().getOrDefault(CONSENT, List.of()).contains("yes");
    }

    /** The IANA zones a client may pick, by region. */
    static List<String> zones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .sorted().toList();
    }

    static ObjectNode parent(ObjectNode root, String field) {
        ObjectNode node = root;
        String[] parts = field.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        return node;
    }

    static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
