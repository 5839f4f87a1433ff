package dev.wellplan.planner.plan.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The adjustment form as posted: the operation's fields named as the API names them ({@code op}, {@code itemId},
 * {@code date}, ...), the reason, whether the client is told, and the version the coach saw (the plan's ETag, for
 * If-Match). Declared field by field so the form is read before the filters run (the CSRF check reads its token).
 */
public class AdjustmentFields {

    @RestForm("op") public String op;
    @RestForm("itemId") public String itemId;
    @RestForm("date") public String date;
    @RestForm("time") public String time;
    @RestForm("type") public String type;
    @RestForm("pressure") public String pressure;
    @RestForm("durationMinutes") public String durationMinutes;
    @RestForm("exercise") public String exercise;
    @RestForm("with") public String with;
    @RestForm("from") public String from;
    @RestForm("until") public String until;
    @RestForm("timeZone") public String timeZone;
    @RestForm("quietHours.from") public String quietFrom;
    @RestForm("quietHours.to") public String quietTo;
    @RestForm("massageTime") public String massageTime;
    @RestForm("exerciseTime") public String exerciseTime;
    @RestForm("override") public List<String> override;
    @RestForm("reason") public String reason;
    @RestForm("notifyClient") public String notifyClient;
    /** The plan version the coach decided on: the page's ETag, sent back as If-Match. */
    @RestForm("version") public String version;
    /** Made with each preview: a second click on "Save" makes no second version. */
    @RestForm("idempotencyKey") public String idempotencyKey;

    PageForm form() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        PageForm.one(values, "op", op);
        PageForm.one(values, "itemId", itemId);
        PageForm.one(values, "date", date);
        PageForm.one(values, "time", time);
        PageForm.one(values, "type", type);
        PageForm.one(values, "pressure", pressure);
        PageForm.one(values, "durationMinutes", durationMinutes);
        PageForm.one(values, "exercise", exercise);
        PageForm.one(values, "with", with);
        PageForm.one(values, "from", from);
        PageForm.one(values, "until", until);
        PageForm.one(values, "timeZone", timeZone);
        PageForm.one(values, "quietHours.from", quietFrom);
        PageForm.one(values, "quietHours.to", quietTo);
        PageForm.one(values, "massageTime", massageTime);
        PageForm.one(values, "exerciseTime", exerciseTime);
        values.put("override", PageForm.list(override));
        PageForm.one(values, "reason", reason);
        PageForm.one(values, "notifyClient", notifyClient);
        PageForm.one(values, "version", version);
        PageForm.one(values, "idempotencyKey", idempotencyKey);
        return new PageForm(values, Map.of(), null);
    }
}
