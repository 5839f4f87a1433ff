package dev.wellplan.planner.plan.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.wellplan.rules.Equipment;
import dev.wellplan.rules.ItemKind;
import dev.wellplan.rules.PainArea;
import dev.wellplan.rules.PainDriver;
import dev.wellplan.rules.PainPattern;
import dev.wellplan.rules.PlanStatus;
import dev.wellplan.rules.Pressure;
import dev.wellplan.rules.RedFlag;
import io.quarkus.qute.TemplateData;

/**
 * The plan's codes in plain words, for the pages: the rule ids of rules.md (why an item is there), item kinds,
 * statuses and the assessment's answers. The rules decide; this only says it.
 */
public final class Words {

    /** One choice of a form, or one code and its words: {@code value} as the API spells it. */
    @TemplateData
    public record Option(String value, String label, String hint) {
    }

    static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("SAFE-1", "Some answers need a doctor's look first: numbness, tingling or weakness in the legs and other warning signs."),
            Map.entry("SAFE-2", "With signs of a disc problem or pain down the leg, massage waits for a doctor's clearance and is never deep tissue."),
            Map.entry("SAFE-3", "Your coach records your doctor's clearance; massage starts from then."),
            Map.entry("SAFE-4", "Every change to your plan keeps to these safety rules."),
            Map.entry("MAS-1", "A shorter session every two weeks does more than one long session."),
            Map.entry("MAS-2", "Sessions last 45 to 60 minutes."),
            Map.entry("MAS-3", "The kind of massage follows what drives your pain: Swedish for stress and general tightness, deep tissue for persistent knots."),
            Map.entry("MAS-4", "Pressure starts at what you find comfortable; tell your therapist if it is too hard."),
            Map.entry("MAS-5", "Never on a day you marked as stressful, and with an hour or two free afterwards."),
            Map.entry("MAS-6", "No strength workout on a massage day, and only light movement the day after deep tissue."),
            Map.entry("AFT-1", "About an hour after a session, drinking water and moving your joints helps the massage settle."),
            Map.entry("AFT-2", "Slight soreness the next day is normal; the check-in asks how you feel."),
            Map.entry("AFT-3", "Soreness still there after 48 hours means the pressure was too much: the next session is lighter."),
            Map.entry("AFT-4", "\"No pain, no gain\" is wrong here: say so at once if the pressure hurts."),
            Map.entry("ACT-1", "Strong glutes, hamstrings and lower-back muscles treat the cause of back pain, not just the symptoms."),
            Map.entry("ACT-2", "The exercises get a little harder each week."),
            Map.entry("ACT-3", "Self-massage with a foam roller or ball between sessions keeps the muscles loose (never straight on the spine)."),
            Map.entry("ACT-4", "Massage is the primer; movement is what changes your back."),
            Map.entry("LIF-1", "Your plan lasts four weeks, in your own time zone."),
            Map.entry("LIF-2", "Benefits fade after about six months unless the cause is addressed: at the end you get a summary and an offer of a follow-up plan."),
            Map.entry("LIF-3", "A warning sign at a check-in pauses massage until a doctor has looked."));

    static final Map<ItemKind, String> KINDS = Map.of(
            ItemKind.MASSAGE, "Massage session",
            ItemKind.STRENGTH, "Strength workout",
            ItemKind.SELF_MASSAGE, "Self-massage",
            ItemKind.AFTERCARE, "Aftercare",
            ItemKind.CHECK_IN, "Check-in",
            ItemKind.CLEARANCE, "See a doctor",
            ItemKind.REVIEW, "End of plan",
            ItemKind.LIGHT_MOVEMENT, "Light movement");

    static final Map<String, String> STATUSES = Map.of(
            "PENDING_CONFIRMATION", "Waiting for the client to confirm",
            "EXPIRED", "Never confirmed",
            "AWAITING_CLEARANCE", "Waiting for medical clearance",
            "ACTIVE", "Active",
            "PAUSED", "Paused",
            "COMPLETED", "Completed",
            "CANCELLED", "Cancelled");

    static final List<Option> AREAS = List.of(
            new Option(PainArea.LOWER_BACK.name(), "Lower back", null),
            new Option(PainArea.MID_BACK.name(), "Middle of the back", null),
            new Option(PainArea.UPPER_BACK.name(), "Upper back", null),
            new Option(PainArea.NECK_SHOULDERS.name(), "Neck and shoulders", null));

    static final List<Option> PATTERNS = List.of(
            new Option(PainPattern.NON_SPECIFIC.name(), "General ache or tightness", "No clear pattern: the most common kind."),
            new Option(PainPattern.STRESS_TENSION.name(), "Tension that comes with stress", "It gets worse on hard days."),
            new Option(PainPattern.MUSCLE_KNOTS.name(), "Persistent knots", "The same tight, tender spots for weeks or months."),
            new Option(PainPattern.RADIATING_LEG.name(), "Pain that runs down a leg", "Sciatica: pain, often burning, along the back of the leg."),
            new Option(PainPattern.SUSPECTED_DISC.name(), "A disc problem (suspected or diagnosed)", "A bulging or herniated disc."));

    static final List<Option> DRIVERS = List.of(
            new Option(PainDriver.STRESS.name(), "Stress", null),
            new Option(PainDriver.ANXIETY.name(), "Anxiety", null),
            new Option(PainDriver.POSTURE.name(), "Posture", null),
            new Option(PainDriver.PROLONGED_SITTING.name(), "Sitting for long hours", null),
            new Option(PainDriver.LIFTING.name(), "Lifting", null),
            new Option(PainDriver.SPORT.name(), "Sport", null),
            new Option(PainDriver.POOR_SLEEP.name(), "Poor sleep", null),
            new Option(PainDriver.UNKNOWN.name(), "I don't know", null));

    public static final List<Option> RED_FLAGS = List.of(
            new Option(RedFlag.NUMBNESS.name(), "Numbness in a leg or foot", null),
            new Option(RedFlag.TINGLING.name(), "Tingling or pins and needles in a leg or foot", null),
            new Option(RedFlag.LEG_WEAKNESS.name(), "Weakness in a leg", "For example, a foot that drags or gives way."),
            new Option(RedFlag.BLADDER_BOWEL_CHANGE.name(), "New trouble controlling your bladder or bowel", "Urgent: seek care today."),
            new Option(RedFlag.SADDLE_NUMBNESS.name(), "Numbness between your legs or around your bottom", "Urgent: seek care today."),
            new Option(RedFlag.FEVER.name(), "Fever together with the back pain", null),
            new Option(RedFlag.RECENT_TRAUMA.name(), "A recent fall, accident or blow to the back", null),
            new Option(RedFlag.UNEXPLAINED_WEIGHT_LOSS.name(), "Weight loss you cannot explain", null));

    static final List<Option> PRESSURES = List.of(
            new Option(Pressure.LIGHT.name(), "Light", "Gentle; good if you are new to massage or sore easily."),
            new Option(Pressure.MEDIUM.name(), "Medium", "Firm but relaxing: where most people start."),
            new Option(Pressure.FIRM.name(), "Firm", "Strong pressure; it should still never make you tense up."));

    static final List<Option> EQUIPMENT = List.of(
            new Option(Equipment.FOAM_ROLLER.name(), "Foam roller", null),
            new Option(Equipment.LACROSSE_BALL.name(), "Lacrosse or massage ball", null),
            new Option(Equipment.RESISTANCE_BAND.name(), "Resistance band", null),
            new Option(Equipment.DOWEL.name(), "Broomstick or dowel", null),
            new Option(Equipment.MAT.name(), "Exercise mat", null));

    static final List<Option> DAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> new Option(d.name(), d.getDisplayName(TextStyle.FULL, Locale.ENGLISH), null)).toList();

    /** The statuses a roster may be filtered by: the plan rules' (LIF-3). */
    public static final List<Option> ROSTER_STATUSES = Arrays.stream(PlanStatus.values())
            .map(s -> new Option(s.name(), status(s.name()), null)).toList();

    private Words() {
    }

    public static String status(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    static String rule(String id) {
        return RULES.getOrDefault(id, id);
    }

    static String kind(ItemKind kind) {
        return KINDS.getOrDefault(kind, kind.name());
    }

    /** The words of each code, joined; {@code none} when there are none. */
    static String labels(List<Option> options, java.util.Collection<?> values, String none) {
        if (values == null || values.isEmpty()) {
            return none;
        }
        return options.stream().filter(o -> values.stream().anyMatch(v -> String.valueOf(v).equals(o.value())))
                .map(Option::label).collect(java.util.stream.Collectors.joining(", "));
    }

    static String label(List<Option> options, Object value) {
        String name = String.valueOf(value);
        return options.stream().filter(o -> o.value().equals(name)).map(Option::label).findFirst().orElse(name);
    }
}
