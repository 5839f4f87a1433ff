package dev.wellplan.planner.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.wellplan.planner.Assessments;

/** The enrollment form as a browser posts it: the answers of {@link Assessments#valid()}, field by field. */
final class EnrollmentForms {

    private EnrollmentForms() {
    }

    static Map<String, Object> valid(String email) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("client.name", "Ana Souza");
        form.put("client.email", email);
        form.put("client.timeZone", "Europe/Lisbon");
        form.put("startDate", Assessments.nextMonday().toString());
        form.put("pain.area", "LOWER_BACK");
        form.put("pain.intensity", "6");
        form.put("pain.weeks", "16");
        form.put("pain.pattern", "NON_SPECIFIC");
        form.put("pain.drivers", List.of("STRESS"));
        form.put("preferences.massageDays", List.of("TUESDAY", "SATURDAY"));
        form.put("preferences.highStressDays", List.of("MONDAY"));
        form.put("preferences.massageTime", "10:00");
        form.put("preferences.exerciseTime", "07:30");
        form.put("preferences.exerciseDaysPerWeek", "3");
        form.put("preferences.pressure", "MEDIUM");
        form.put("preferences.quietHours.from", "21:00");
        form.put("preferences.quietHours.to", "07:00");
        form.put("equipment", List.of("FOAM_ROLLER", "LACROSSE_BALL"));
        form.put("consent", "yes");
        return form;
    }
}
