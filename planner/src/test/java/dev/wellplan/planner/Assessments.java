package dev.wellplan.planner;

import java.time.LocalDate;
import java.time.ZoneId;

/** Assessment bodies for tests, in the form product.md gives. */
public final class Assessments {

    private Assessments() {
    }

    /** A valid assessment whose plan starts next Monday in Lisbon. */
    public static String valid() {
        return valid(nextMonday(), "[]");
    }

    public static String withRedFlags(String redFlagsJson) {
        return valid(nextMonday(), redFlagsJson);
    }

    public static String valid(LocalDate start, String redFlagsJson) {
        return """
                {
                  "client": {"name": "Ana Souza", "email": "ana@example.com", "timeZone": "Europe/Lisbon"},
                  "startDate": "%s",
                  "pain": {"area": "LOWER_BACK", "intensity": 6, "weeks": 16,
                           "pattern": "NON_SPECIFIC", "drivers": ["STRESS"]},
                  "redFlags": %s,
                  "preferences": {"massageDays": ["TUESDAY", "SATURDAY"], "highStressDays": ["MONDAY"],
                                  "massageTime": "10:00", "exerciseTime": "07:30",
                                  "exerciseDaysPerWeek": 3, "pressure": "MEDIUM",
                                  "quietHours": {"from": "21:00", "to": "07:00"}},
                  "equipment": ["FOAM_ROLLER", "LACROSSE_BALL"]
                }""".formatted(start, redFlagsJson);
    }

    static LocalDate nextMonday() {
        LocalDate d = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(1);
        while (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
