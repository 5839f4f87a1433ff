package dev.wellplan.planner;

import java.time.LocalDate;
import java.time.ZoneId;

/** Assessment bodies for tests, in the form product.md gives. */
public final class Assessments {

    private Assessments() {
    }

    /**
     * A valid assessment whose plan starts next Monday in Lisbon, for a client with an address of their own: an
     * address may enroll only three times a day.
     */
    public static String valid() {
        return valid(nextMonday(), "[]");
    }

    public static String withRedFlags(String redFlagsJson) {
        return valid(nextMonday(), redFlagsJson);
    }

    public static String valid(LocalDate start, String redFlagsJson) {
        return valid(start, redFlagsJson, newAddress());
    }

    /** A client address no other test uses. */
    public static String newAddress() {
        return "ana-" + java.util.UUID.randomUUID() + "@example.com";
    }

    public static String valid(LocalDate start, String redFlagsJson, String email) {
        return """
                {
                  "client": {"name": "Ana Souza", "email": "%s", "timeZone": "Europe/Lisbon"},
                  "startDate": "%s",
                  "pain": {"area": "LOWER_BACK", "intensity": 6, "weeks": 16,
                           "pattern": "NON_SPECIFIC", "drivers": ["STRESS"]},
                  "redFlags": %s,
                  "preferences": {"massageDays": ["TUESDAY", "SATURDAY"], "highStressDays": ["MONDAY"],
                                  "massageTime": "10:00", "exerciseTime": "07:30",
                                  "exerciseDaysPerWeek": 3, "pressure": "MEDIUM",
                                  "quietHours": {"from": "21:00", "to": "07:00"}},
                  "equipment": ["FOAM_ROLLER", "LACROSSE_BALL"]
                }""".formatted(email, start, redFlagsJson);
    }

    public static LocalDate nextMonday() {
        LocalDate d = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(1);
        while (d.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
