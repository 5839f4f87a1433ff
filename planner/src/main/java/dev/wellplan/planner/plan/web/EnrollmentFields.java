package dev.wellplan.planner.plan.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The enrollment form as posted: one field per answer, named by its JSON path in the API's assessment. Declared
 * field by field so the form is read before the filters run (the CSRF check reads its token from it).
 */
public class EnrollmentFields {

    @RestForm("client.name") public String clientName;
    @RestForm("client.email") public String clientEmail;
    @RestForm("client.timeZone") public String clientTimeZone;
    @RestForm("startDate") public String startDate;
    @RestForm("pain.area") public String painArea;
    @RestForm("pain.intensity") public String painIntensity;
    @RestForm("pain.weeks") public String painWeeks;
    @RestForm("pain.pattern") public String painPattern;
    @RestForm("pain.drivers") public List<String> painDrivers;
    @RestForm("redFlags") public List<String> redFlags;
    @RestForm("preferences.massageDays") public List<String> massageDays;
    @RestForm("preferences.highStressDays") public List<String> highStressDays;
    @RestForm("preferences.massageTime") public String massageTime;
    @RestForm("preferences.exerciseTime") public String exerciseTime;
    @RestForm("preferences.exerciseDaysPerWeek") public String exerciseDaysPerWeek;
    @RestForm("preferences.pressure") public String pressure;
    @RestForm("preferences.quietHours.from") public String quietFrom;
    @RestForm("preferences.quietHours.to") public String quietTo;
    @RestForm("equipment") public List<String> equipment;
    @RestForm("consent") public String consent;
    /** Made when the form was shown: a second click on "Send" makes no second enrollment. */
    @RestForm("idempotencyKey") public String idempotencyKey;

    /** By field, in the order of the form; an unticked checkbox group is an empty list. */
    EnrollmentForm form() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        one(values, "client.name", clientName);
        one(values, "client.email", clientEmail);
        one(values, "client.timeZone", clientTimeZone);
        one(values, "startDate", startDate);
        one(values, "pain.area", painArea);
        one(values, "pain.intensity", painIntensity);
        one(values, "pain.weeks", painWeeks);
        one(values, "pain.pattern", painPattern);
        values.put("pain.drivers", list(painDrivers));
        values.put("redFlags", list(redFlags));
        values.put("preferences.massageDays", list(massageDays));
        values.put("preferences.highStressDays", list(highStressDays));
        one(values, "preferences.massageTime", massageTime);
        one(values, "preferences.exerciseTime", exerciseTime);
        one(values, "preferences.exerciseDaysPerWeek", exerciseDaysPerWeek);
        one(values, "preferences.pressure", pressure);
        one(values, "preferences.quietHours.from", quietFrom);
        one(values, "preferences.quietHours.to", quietTo);
        values.put("equipment", list(equipment));
        one(values, EnrollmentForm.CONSENT, consent);
        return new EnrollmentForm(values, Map.of(), null);
    }

    private static void one(Map<String, List<String>> values, String field, String value) {
        values.put(field, value == null ? List.of() : List.of(value));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
