package dev.wellplan.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Semantic checks of an assessment, each naming the offending field as a JSON path. Nulls are reported
 * as "is required"; only {@code preferences.pressure} may be null (it means MEDIUM, MAS-4).
 */
public final class AssessmentRules {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 254;
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@" + LABEL
                    + "(?:\\." + LABEL + ")+");

    private AssessmentRules() {
    }

    /** Whether {@code text} is an e-mail address wellplan will send to (a plain addr-spec, at most 254 characters). */
    public static boolean isEmailAddress(String text) {
        return text != null && text.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(text).matches();
    }

    /** Every check, including that the plan starts between {@code today} (in the client's zone) and a year on. */
    public static List<Violation> validate(Assessment a, LocalDate today) {
        List<Violation> all = new ArrayList<>(validate(a));
        if (a != null && a.startDate() != null) {
            if (a.startDate().isBefore(today)) {
                all.add(new Violation("startDate", "must not be before today (" + today + ")"));
            } else if (a.startDate().isAfter(today.plusYears(1))) {
                all.add(new Violation("startDate", "must be at most one year ahead (" + today.plusYears(1) + ")"));
            }
        }
        return all;
    }

    /** The checks that do not depend on today's date; {@link PlanRules#createPlan} insists on these. */
    public static List<Violation> validate(Assessment a) {
        Violations v = new Violations();
        if (!v.required("assessment", a)) {
            return v.list();
        }
        if (v.required("client", a.client())) {
            client(v, a.client());
        }
        v.required("startDate", a.startDate());
        if (v.required("pain", a.pain())) {
            pain(v, a.pain());
        }
        v.requiredElements("redFlags", a.redFlags());
        if (v.required("preferences", a.preferences())) {
            preferences(v, a.preferences());
        }
        v.requiredElements("equipment", a.equipment());
        return v.list();
    }

    private static void client(Violations v, Client c) {
        if (v.required("client.name", c.name())) {
            v.check(!c.name().isBlank(), "client.name", "must not be blank");
            v.check(c.name().length() <= MAX_NAME_LENGTH, "client.name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (v.required("client.email", c.email())) {
            v.check(isEmailAddress(c.email()), "client.email", "must be a valid e-mail address");
        }
        v.required("client.timeZone", c.timeZone());
    }

    private static void pain(Violations v, Pain p) {
        v.required("pain.area", p.area());
        v.range(p.intensity(), 0, 10, "pain.intensity");
        v.check(p.weeks() >= 0, "pain.weeks", "must be 0 or more");
        v.required("pain.pattern", p.pattern());
        v.requiredElements("pain.drivers", p.drivers());
    }

    private static void preferences(Violations v, Preferences p) {
        v.requiredElements("preferences.massageDays", p.massageDays());
        if (v.requiredElements("preferences.highStressDays", p.highStressDays())) {
            v.check(p.highStressDays().size() < 7, "preferences.highStressDays",
                    "must leave at least one day of the week for massage (MAS-5)");
        }
        v.required("preferences.massageTime", p.massageTime());
        v.required("preferences.exerciseTime", p.exerciseTime());
        v.range(p.exerciseDaysPerWeek(), 2, 4, "preferences.exerciseDaysPerWeek");
        if (v.required("preferences.quietHours", p.quietHours())) {
            QuietHours q = p.quietHours();
            boolean both = v.required("preferences.quietHours.from", q.from())
                    & v.required("preferences.quietHours.to", q.to());
            v.check(!both || !q.from().equals(q.to()), "preferences.quietHours", "from and to must differ");
        }
    }
}
