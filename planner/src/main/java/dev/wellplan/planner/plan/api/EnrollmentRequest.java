package dev.wellplan.planner.plan.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.wellplan.rules.Equipment;
import dev.wellplan.rules.PainArea;
import dev.wellplan.rules.PainDriver;
import dev.wellplan.rules.PainPattern;
import dev.wellplan.rules.Pressure;
import dev.wellplan.rules.RedFlag;

/**
 * The assessment as the API takes it (product.md). Enum values are read strictly so that an
 * unknown value is reported against its field; everything else is checked by the plan rules.
 */
public record EnrollmentRequest(Client client, LocalDate startDate, Pain pain, List<RedFlag> redFlags,
                                Preferences preferences, List<Equipment> equipment) {

    public record Client(String name, String email, String timeZone) {
    }

    public record Pain(PainArea area, Integer intensity, Integer weeks, PainPattern pattern, List<PainDriver> drivers) {
    }

    public record Preferences(List<DayOfWeek> massageDays, List<DayOfWeek> highStressDays, LocalTime massageTime,
                              LocalTime exerciseTime, Integer exerciseDaysPerWeek, Pressure pressure,
                              QuietHours quietHours) {
    }

    public record QuietHours(LocalTime from, LocalTime to) {
    }
}
