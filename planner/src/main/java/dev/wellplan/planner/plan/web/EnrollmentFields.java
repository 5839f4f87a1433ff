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
    PageForm form() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        PageForm.one(values, "client.name", clientName);
        PageForm.one(values, "client.email", clientEmail);
        PageForm.one(values, "client.timeZone", clientTimeZone);
        PageForm.one(values, "startDate", startDate);
        PageForm.one(values, "pain.area", painArea);
        PageForm.one(values, "pain.intensity", painIntensity);
        PageForm.one(values, "pain.weeks", painWeeks);
        PageForm.one(values, "pain.pattern", painPattern);
        values.put("pain.drivers", PageForm.list(painDrivers));
        values.put("redFlags", PageForm.list(redFlags));
        values.put("preferences.massageDays", PageForm.list(massageDays));
        values.put("preferences.highStressDays", PageForm.list(highStressDays));
        PageForm.one(values, "preferences.massageTime", massageTime);
        PageForm.one(values, "preferences.exerciseTime", exerciseTime);
        PageForm.one(values, "preferences.exerciseDaysPerWeek", exerciseDaysPerWeek);
        PageForm.one(values, "preferences.pressure", pressure);
        PageForm.one(values, "preferences.quietHours.from", quietFrom);
        PageForm.one(values, "preferences.quietHours.to", quietTo);
        values.put("equipment", PageForm.list(equipment));
        PageForm.one(values, EnrollmentForm.CONSENT, consent);
        return new PageForm(values, Map.of(), null);
    }
}
